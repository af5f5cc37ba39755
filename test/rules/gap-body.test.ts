import { describe, expect, it } from 'vitest';

import { md, ruleSays } from '../helpers.js';

const PLAN = md`
  # Plan
  ## Docker Swarm Rolling Updates
  ## Docker Swarm Orchestration
`;

describe('rule gap-body', () => {
  it('finds a heading named in what the item says is missing', () => {
    const gaps = md`
      ### Gap 6: Progressive Deployment Strategy
      **Missing**: Rolling updates with Docker Swarm, with a canary step.
    `;
    expect(ruleSays('gap-body', PLAN, gaps).accepted).toEqual([
      'Docker Swarm Rolling Updates',
    ]);
  });

  it('reads nothing into the description of an item to remove', () => {
    const gaps = md`
      ### ❌ Gap 9: Swarm Deploy Scripts - REMOVE!
      **Missing**: Retire them; Docker Swarm Rolling Updates takes over.
    `;
    expect(ruleSays('gap-body', PLAN, gaps).accepted).toEqual([]);
  });

  it('ignores what the item says the plan already has', () => {
    const gaps = md`
      ### Gap 6: Progressive Deployment Strategy
      **Current State**: Docker Swarm Orchestration is described.
    `;
    expect(ruleSays('gap-body', PLAN, gaps).accepted).toEqual([]);
  });

  it('leaves a heading to the item that names it by its title', () => {
    const gaps = md`
      ### Gap 6: Progressive Deployment Strategy
      **Missing**: Rolling updates with Docker Swarm.
      ### Gap 8: Docker Swarm Rolling Updates
    `;
    const says = ruleSays('gap-body', PLAN, gaps);
    expect(says.accepted).toEqual([]);
    expect(says.rejected).toEqual(['Docker Swarm Rolling Updates']);
  });

  it("reads the heading's parenthetical as a name of its own", () => {
    const plan = md`
      # Payments plan
      ## Keeping card data out of our systems (hosted fields)
      ## Ledger
    `;
    const gaps = md`
      ## REQ-01 PCI DSS scope reduction
      **Description**: Card numbers never touch our servers; use the PSP's hosted fields.
    `;
    expect(ruleSays('gap-body', plan, gaps).accepted).toEqual([
      'Keeping card data out of our systems (hosted fields)',
    ]);
  });

  it('reads the acceptance criteria of a table row as what is asked', () => {
    const plan = md`
      # Plan
      ## Debt minimisation
      ## Receipts
    `;
    const gaps = (column: string) => md`
      | ID | Requirement | Priority | ${column} |
      |----|-------------|----------|-----------|
      | R5 | Balance simplification | P1 | Debt minimisation: fewest transfers |
      | R6 | Receipt photos | P2 | |
    `;
    expect(
      ruleSays('gap-body', plan, gaps('Acceptance criteria')).accepted,
    ).toEqual(['Debt minimisation']);
    expect(ruleSays('gap-body', plan, gaps('Current state')).accepted).toEqual(
      [],
    );
  });
});
