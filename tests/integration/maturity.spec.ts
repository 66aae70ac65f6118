import { auditCrmMaturity, DEFAULT_PROCESS_CATALOGUE } from '@socialcrm/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PROCESS = 'process { id stage name } existence effectiveness score level { level name }';
const AUDIT = `audit { overallScore overallLevel { level name minScore }
  stages { stage score level { level name } processes { ${PROCESS} } } weakest { ${PROCESS} } }`;
const ASSESSMENT = `id note assessedBy assessedAt ratings { processId existence effectiveness } ${AUDIT}`;
const RECORD = `mutation($input: RecordMaturityAssessmentInput!) {
  recordMaturityAssessment(input: $input) { ${ASSESSMENT} } }`;

interface Rating {
  processId: string;
  existence: number;
  effectiveness: number | null;
}
interface Assessment {
  id: string;
  note: string | null;
  assessedBy: string | null;
  ratings: Rating[];
  audit: {
    overallScore: number;
    overallLevel: { level: number; name: string };
    stages: Array<{
      stage: string;
      score: number | null;
      level: { level: number; name: string } | null;
      processes: Array<{ process: { id: string }; score: number; level: { level: number } }>;
    }>;
    weakest: Array<{ process: { id: string }; score: number }>;
  };
}

/** Random but valid ratings over the whole catalogue. */
const randomRatings = (): Rating[] =>
  DEFAULT_PROCESS_CATALOGUE.map((p) => {
    const existence = Math.floor(Math.random() * 4);
    return {
      processId: p.id,
      existence,
      effectiveness: existence === 0 ? null : 1 + Math.floor(Math.random() * 5),
    };
  });

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap(
    (error) => (error.extensions?.fields as Array<{ field: string; reason?: string }>) ?? [],
  );

describe('maturity audit: assessments recorded and read back with the domain’s audit', () => {
  const suite = useSuite();
  const callers: Record<'owner' | 'manager' | 'agent' | 'viewer', Caller> = {
    owner: {},
    manager: {},
    agent: {},
    viewer: {},
  };
  const record = (input: Record<string, unknown>, caller = callers.manager) =>
    gql<{ recordMaturityAssessment: Assessment }>(suite.api.graphqlUrl, RECORD, { input }, caller);

  beforeAll(async () => {
    const session = async (email: string) => ({
      token: (await signIn(suite.api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId: suite.world.tenants.a,
    });
    callers.owner = await session(suite.world.users.aOWNER.email);
    callers.manager = await session(suite.world.users.aMANAGER.email);
    callers.agent = await session(suite.world.users.aAGENT.email);
    callers.viewer = await session(suite.world.users.aVIEWER.email);
  });

  it('offers the domain’s process catalogue for the questionnaire', async () => {
    const response = await gql<{ maturityProcessCatalogue: unknown[] }>(
      suite.api.graphqlUrl,
      '{ maturityProcessCatalogue { id stage name } }',
      {},
      callers.viewer,
    );
    expect(response.data?.maturityProcessCatalogue).toEqual(
      DEFAULT_PROCESS_CATALOGUE.map((p) => ({ ...p })),
    );
  });

  it('records an assessment whose audit equals the domain’s, process by process', async () => {
    for (let i = 0; i < 5; i++) {
      const ratings = randomRatings();
      const response = await record({ ratings, note: `  audit ${i}  ` });
      expect(response.errors).toBeUndefined();
      const saved = response.data?.recordMaturityAssessment as Assessment;
      const expected = auditCrmMaturity(ratings);
      if (!expected.ok) throw new Error('the random ratings must be valid');
      expect(saved.note).toBe(`audit ${i}`);
      expect(saved.assessedBy).toBe(suite.world.users.aMANAGER.id);
      expect(saved.ratings).toEqual(ratings);
      expect(saved.audit.overallScore).toBeCloseTo(expected.audit.overall.score, 9);
      expect(saved.audit.overallLevel.name).toBe(expected.audit.overall.level.name);
      expect(
        saved.audit.stages.map((s) => ({ stage: s.stage, score: s.score, level: s.level?.name })),
      ).toEqual(
        expected.audit.stages.map((s) => ({
          stage: s.stage,
          score: s.score,
          level: s.level?.name,
        })),
      );
      expect(
        saved.audit.stages.flatMap((s) => s.processes.map((p) => [p.process.id, p.score])),
      ).toEqual(expected.audit.processes.map((p) => [p.process.id, p.score]));
      expect(saved.audit.weakest.map((p) => p.process.id)).toEqual(
        expected.audit.weakest.map((p) => p.process.id),
      );
    }
  });

  it('refuses bad ratings with errors naming each field, and stores nothing', async () => {
    const before = await gql<{ maturityAssessments: Assessment[] }>(
      suite.api.graphqlUrl,
      '{ maturityAssessments(first: 100) { id } }',
      {},
      callers.viewer,
    );
    const ratings = randomRatings();
    const bad = [
      { ...ratings[0], existence: 4 },
      { ...ratings[1], existence: 0, effectiveness: 3 },
      { ...ratings[2], existence: 2, effectiveness: null },
      { processId: 'telepathy', existence: 1, effectiveness: 1 },
      ...ratings.slice(3, -1),
    ];
    const response = await record({ ratings: bad, note: 'x'.repeat(10) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = fieldsOf(response);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'input.ratings[0].existence', reason: 'OUT_OF_RANGE' }),
        expect.objectContaining({ field: 'input.ratings[1].effectiveness', reason: 'NOT_ALLOWED' }),
        expect.objectContaining({ field: 'input.ratings[2].effectiveness', reason: 'REQUIRED' }),
        expect.objectContaining({ field: 'input.ratings[3].processId', reason: 'UNKNOWN_PROCESS' }),
        expect.objectContaining({ field: 'input.ratings', reason: 'MISSING' }),
      ]),
    );
    const long = await record({ ratings: randomRatings(), note: 'x'.repeat(2001) });
    expect(fieldsOf(long)).toEqual([
      expect.objectContaining({ field: 'input.note', reason: 'TOO_LONG' }),
    ]);
    const after = await gql<{ maturityAssessments: Assessment[] }>(
      suite.api.graphqlUrl,
      '{ maturityAssessments(first: 100) { id } }',
      {},
      callers.viewer,
    );
    expect(after.data?.maturityAssessments).toEqual(before.data?.maturityAssessments);
  });

  it('lists the history newest first, opens one by id and answers the latest', async () => {
    const first = await record({ ratings: randomRatings(), note: 'older' });
    const second = await record({ ratings: randomRatings(), note: 'newer' });
    const [olderId, newerId] = [
      first.data?.recordMaturityAssessment.id,
      second.data?.recordMaturityAssessment.id,
    ];
    const history = await gql<{ maturityAssessments: Array<{ id: string; assessedAt: string }> }>(
      suite.api.graphqlUrl,
      '{ maturityAssessments(first: 100) { id assessedAt } }',
      {},
      callers.viewer,
    );
    const list = history.data?.maturityAssessments ?? [];
    expect(list.slice(0, 2).map((a) => a.id)).toEqual([newerId, olderId]);
    const times = list.map((a) => Date.parse(a.assessedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const one = await gql<{ maturityAssessment: Assessment }>(
      suite.api.graphqlUrl,
      `query($id: ID!) { maturityAssessment(id: $id) { ${ASSESSMENT} } }`,
      { id: olderId },
      callers.viewer,
    );
    expect(one.data?.maturityAssessment).toEqual(first.data?.recordMaturityAssessment);
    const latest = await gql<{ latestMaturityAssessment: { id: string } }>(
      suite.api.graphqlUrl,
      '{ latestMaturityAssessment { id } }',
      {},
      callers.viewer,
    );
    expect(latest.data?.latestMaturityAssessment.id).toBe(newerId);
    const missing = await gql(
      suite.api.graphqlUrl,
      'query($id: ID!) { maturityAssessment(id: $id) { id } }',
      { id: 'not-an-id' },
      callers.viewer,
    );
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    const narrow = await gql(
      suite.api.graphqlUrl,
      '{ maturityAssessments(first: 0) { id } }',
      {},
      callers.viewer,
    );
    expect(fieldsOf(narrow)).toEqual([expect.objectContaining({ field: 'first' })]);
  });

  it('lets managers and owners record, agents and viewers only read', async () => {
    const ratings = randomRatings();
    expect((await record({ ratings }, callers.owner)).errors).toBeUndefined();
    expect(errorCodes(await record({ ratings }, callers.agent))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await record({ ratings }, callers.viewer))).toEqual(['FORBIDDEN']);
  });
});
