// An in-memory stand-in for the engine's commands, recording calls, for tests of the DOM side.
// (The commands themselves are tested in Rust against a real store: tests/desktop_commands.rs.)
import type { Api, ImportReport } from '../src/api';
import type { Exported, Finding, Issue, IssueRow, OpenedIssue, Preview } from '../src/types';

export class FakeApi {
  issues = new Map<string, { issue: Issue; deleted: boolean; updated: string }>();
  saves: Issue[] = [];
  previews: Issue[] = [];
  findings: Finding[] = [];
  exported: { kind: string; path: string; issue: Issue }[] = [];

  add(id: string, issue: Issue): void {
    this.issues.set(id, { issue: structuredClone(issue), deleted: false, updated: '2026-11-24T10:00:00Z' });
  }

  private row(id: string): IssueRow {
    const e = this.issues.get(id)!;
    const m = e.issue.masthead;
    return {
      id,
      number: m.number,
      total_number: m.total_number,
      date: m.date,
      status: e.issue.status,
      first_headline: e.issue.articles[0]?.headline.join('') ?? null,
      updated_at: e.updated,
    };
  }

  api(): Api {
    return {
      appInfo: async () => ({ version: '0', db_path: '/tmp/x', fonts_dir: '/tmp/f', uptime_ms: 1 }),
      listIssues: async () =>
        [...this.issues.keys()].filter((k) => !this.issues.get(k)!.deleted).map((k) => this.row(k)),
      listDeleted: async () =>
        [...this.issues.keys()].filter((k) => this.issues.get(k)!.deleted).map((k) => this.row(k)),
      search: async () => [],
      open: async (id: string): Promise<OpenedIssue> => {
        const e = this.issues.get(id);
        if (!e) throw '找不到这期简报。';
        return { id, issue: structuredClone(e.issue), updated_at: e.updated };
      },
      save: async (id: string, issue: Issue) => {
        this.saves.push(structuredClone(issue));
        this.issues.get(id)!.issue = structuredClone(issue);
        return '2026-11-24T10:00:01Z';
      },
      newNext: async () => 'next',
      remove: async (id: string) => void (this.issues.get(id)!.deleted = true),
      restore: async (id: string) => void (this.issues.get(id)!.deleted = false),
      pickImportFiles: async () => [],
      importFiles: async (): Promise<ImportReport> => ({ imported: [], failed: [] }),
      preview: async (issue: Issue): Promise<Preview> => {
        this.previews.push(structuredClone(issue));
        return {
          pages: [
            {
              svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
              text: issue.articles.map((a) => a.headline.join('')).join('\n'),
            },
          ],
        };
      },
      check: async (): Promise<Finding[]> => this.findings,
      pickExportPath: async (_kind: string, name: string) => `/tmp/out/${name}`,
      exportIssue: async (kind: string, issue: Issue, path: string): Promise<Exported> => {
        this.exported.push({ kind, path, issue: structuredClone(issue) });
        return { path, bytes: 1000 };
      },
      reveal: async () => {},
      closeWindow: async () => {},
      ready: async () => 0,
    } as Api;
  }
}
