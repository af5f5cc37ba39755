/** Exit codes, as in most linters: 0 clean, 1 the policy fails, 2 fatal. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
