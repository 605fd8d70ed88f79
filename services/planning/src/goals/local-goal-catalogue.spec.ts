import { LOCAL_GOAL_CATALOGUE, LOCAL_GOAL_KINDS } from './local-goal-catalogue';

describe('local goal catalogue', () => {
  it('describes each kind of local goal from the brief exactly once', () => {
    expect(LOCAL_GOAL_CATALOGUE.map((goal) => goal.kind)).toEqual([...LOCAL_GOAL_KINDS]);
    for (const goal of LOCAL_GOAL_CATALOGUE) {
      expect(goal.title.length).toBeGreaterThan(5);
      expect(goal.examples.length).toBeGreaterThan(10);
    }
  });
});
