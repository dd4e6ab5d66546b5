import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineWriteRules } from './write-rules';

interface Caller {
  organizationId: string | null;
  roles: string[];
}
const editor: Caller = { organizationId: 'minusca', roles: ['editor'] };
const stranger: Caller = { organizationId: 'ngo-a', roles: [] };

const rules = defineWriteRules<Caller, { editArticle: { missionId: string }; publish: { missionId: string }; anything: null }>({
  editArticle: { who: (s) => `${s.missionId} editors (role editor)`, allows: (c, s) => c.organizationId === s.missionId.toLowerCase() && c.roles.includes('editor') },
  publish: { who: 'nobody yet', allows: () => false },
  // Only `true` allows: a truthy answer that is not true does not.
  anything: { who: 'a caller with an organisation', allows: (c) => c.organizationId as unknown as boolean },
});

function refusal(run: () => void): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
}

describe('defineWriteRules', () => {
  it('lists the actions it has rules for', () => {
    expect(rules.actions).toEqual(['editArticle', 'publish', 'anything']);
  });

  it('allows exactly what a rule allows, and nothing else', () => {
    expect(rules.mayWrite(editor, 'editArticle', { missionId: 'MINUSCA' })).toBe(true);
    expect(() => rules.assertMayWrite(editor, 'editArticle', { missionId: 'MINUSCA' })).not.toThrow();
    expect(rules.mayWrite(editor, 'editArticle', { missionId: 'UNMISS' })).toBe(false);
    expect(rules.mayWrite(stranger, 'editArticle', { missionId: 'MINUSCA' })).toBe(false);
    expect(rules.mayWrite(editor, 'publish', { missionId: 'MINUSCA' })).toBe(false);
    expect(rules.mayWrite(editor, 'anything', null)).toBe(false);
  });

  it('denies an action without a rule, including names of Object.prototype members', () => {
    for (const action of ['deleteEverything', 'toString', 'constructor', '__proto__']) {
      expect(rules.mayWrite(editor, action as 'publish', { missionId: 'MINUSCA' })).toBe(false);
      const error = refusal(() => rules.assertMayWrite(editor, action as 'publish', { missionId: 'MINUSCA' }));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', action });
      expect(error.message).toBe(`${action}: no rule allows this write.`);
    }
  });

  it('a refusal is FORBIDDEN naming the action and who may do it, in the rule’s words, with the field when given', () => {
    const error = refusal(() => rules.assertMayWrite(stranger, 'editArticle', { missionId: 'UNMISS' }, { field: 'input.missionId' }));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('editArticle: only UNMISS editors (role editor) may do this.');
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', action: 'editArticle', field: 'input.missionId' });
    const fixed = refusal(() => rules.assertMayWrite(editor, 'publish', { missionId: 'MINUSCA' }));
    expect(fixed.message).toBe('publish: only nobody yet may do this.');
    expect(fixed.extensions).toEqual({ code: 'FORBIDDEN', action: 'publish' });
  });

  it('never puts the caller or the data written into the message', () => {
    const error = refusal(() => rules.assertMayWrite(stranger, 'publish', { missionId: 'SECRET-MISSION' }));
    expect(error.message).not.toMatch(/ngo-a|SECRET-MISSION/);
  });
});
