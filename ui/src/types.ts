// The issue model as the engine serialises it (src/model.rs, the JSON interchange format).

export type BlockKind = 'paragraph' | 'heading1' | 'heading2';
export type Status = 'draft' | 'in_proof' | 'published';

export interface Masthead {
  name: string;
  number: number;
  total_number: number;
  editor: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export interface Block {
  kind: BlockKind;
  text: string;
}

export interface Article {
  headline: string[];
  toc_text: string | null;
  blocks: Block[];
  byline: string | null;
}

export interface Brief {
  date_text: string;
  text: string;
  source: string | null;
}

export interface Closing {
  report_to: string | null;
  send_to: string | null;
  distribute_to: string | null;
  copies: number | null;
}

export interface Issue {
  masthead: Masthead;
  articles: Article[];
  briefs: Brief[];
  closing: Closing;
  status: Status;
}

/** One row of the archive (src/desktop.rs `IssueRow`). */
export interface IssueRow {
  id: string;
  number: number;
  total_number: number;
  date: string;
  status: Status;
  first_headline: string | null;
  updated_at: string;
}

/** A search result (src/desktop.rs `SearchRow`). */
export interface SearchRow {
  id: string;
  number: number;
  total_number: number;
  date: string;
  status: Status;
  first_headline: string | null;
  snippet: string;
  deleted: boolean;
}

/** An issue opened for editing. */
export interface OpenedIssue {
  id: string;
  issue: Issue;
  updated_at: string;
}

export type Section = 'masthead' | 'article' | 'brief' | 'closing';

/** Where a pre-export problem is (src/preflight.rs `Place`). */
export interface Place {
  section: Section;
  index?: number;
  field: string;
  item?: number;
}

export interface Finding {
  place: Place;
  message: string;
}

export interface PreviewPage {
  /** The page as an SVG document, drawn from the same positioned page as the PDF. */
  svg: string;
  /** The page's text, line by line (for the page's accessible description). */
  text: string;
}

export interface Preview {
  pages: PreviewPage[];
}

export type ExportKind = 'pdf' | 'docx';

export interface Exported {
  path: string;
  bytes: number;
}

export interface AppInfo {
  version: string;
  db_path: string;
  fonts_dir: string;
  uptime_ms: number;
}
