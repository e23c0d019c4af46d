// The issue model as the engine serialises it (src/model.rs, the JSON interchange format).

/** The kinds of text block; a figure (`FigureBlock`) is the other kind. */
export type TextKind = 'paragraph' | 'heading1' | 'heading2';
export type BlockKind = TextKind | 'figure';
export type Status = 'draft' | 'in_proof' | 'published';

export interface Masthead {
  name: string;
  number: number;
  total_number: number;
  editor: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export interface TextBlock {
  kind: TextKind;
  text: string;
}

/** A picture in an article (src/model.rs): the stored image by its SHA-256, its printed width. */
export interface Figure {
  /** The image's SHA-256, hex: the store keeps its bytes once. */
  image: string;
  /** Percent of the column, 25–100. */
  width: number;
}

/** A photo with its caption 「图为……」 (`text`). */
export interface FigureBlock {
  kind: 'figure';
  text: string;
  figure: Figure;
}

export type Block = TextBlock | FigureBlock;

/** An image the store holds (src/desktop/images.rs): what the editor needs to place it. */
export interface ImageInfo {
  id: string;
  media_type: string;
  width_px: number;
  height_px: number;
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
  /** A title-style brief is printed without a stop (absent: a sentence). */
  style?: 'sentence' | 'title';
}

/** What a paste is to become (`bulletin::import::pasted::PasteKind`). */
export type PasteKind = 'articles' | 'briefs';

/** Articles or briefs read from pasted text (the list not asked for is empty). */
export interface Pasted {
  articles: Article[];
  briefs: Brief[];
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
  /** Where the words searched for are in `snippet`: [start, end) in UTF-16 units. */
  highlights: [number, number][];
  deleted: boolean;
}

/** An issue opened for editing. */
export interface OpenedIssue {
  id: string;
  issue: Issue;
  updated_at: string;
  /** Published (已印发): the engine refuses saves until a correction (更正). */
  locked: boolean;
}

export type Section = 'masthead' | 'article' | 'brief' | 'closing' | 'fonts';

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

/** One glyph outline of the preview's glyph sheet (font units, y up; `scale` = 1 / units per em). */
export interface GlyphDef {
  id: number;
  d: string;
  scale: number;
}

/** A text line of a preview page: one x and one glyph number (0: nothing drawn) per character. */
export interface LineDrawing {
  /** The element it belongs to (`body`, `headline`, …). */
  e: string;
  /** Colour, `#rrggbb`. */
  c: string;
  /** Size in points. */
  s: number;
  /** Baseline. */
  y: number;
  /** The characters: shown as text, never markup. */
  t: string;
  x: number[];
  g: number[];
}

export interface RuleDrawing {
  x0: number;
  x1: number;
  y: number;
  thickness: number;
  color: string;
}

/** The window's copy of a picture (src/desktop/images.rs `ImagePreview`): upright, at most 1200 px. */
export interface ImagePreview {
  id: string;
  /** The original's size as shown (the copy may be smaller). */
  width_px: number;
  height_px: number;
  /** The copy as a `data:` URL (JPEG, or PNG with transparency). */
  data_url: string;
}

/** A picture on a preview page, by its image id (its preview copy is fetched once per session). */
export interface ImageDrawing {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameDrawing {
  x: number;
  y: number;
  width: number;
  height: number;
  thickness: number;
  color: string;
}

/** A laid-out page as the preview draws it (points, y down). */
export interface PageDrawing {
  number: number;
  width: number;
  height: number;
  lines: LineDrawing[];
  rules: RuleDrawing[];
  frames: FrameDrawing[];
  /** Pictures (absent on a page without any). */
  images?: ImageDrawing[];
}

/** A page of a preview update: its hash, and its drawing when it changed or was asked for. */
export interface PageState {
  hash: string;
  drawing: PageDrawing | null;
}

/** What the engine sends after a change (src/preview). */
export interface PreviewUpdate {
  pages: PageState[];
  /** Outlines this session has not had yet. */
  glyphs: GlyphDef[];
  /** Per article, the lines layout breaks its headline into where the editor gave no break. */
  headlines?: (string[] | null)[];
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

// ---- proofing and the archive (src/desktop/proofing.rs) ----

/** One proof round (校样). */
export interface ProofRound {
  round: number;
  date: string;
  note: string;
  created_at: string;
  /** 「校样 第2次 2020-04-28」. */
  stamp: string;
}

/** One side of a comparison: a proof round or the editor's text (当前稿). */
export type Version = { round: number } | 'current';

export type Segment =
  { op: 'equal'; text: string } | { op: 'insert'; text: string } | { op: 'delete'; text: string };

/** The changes in one part: 「第2篇文章」, 「第3条简讯」, 「报头」, 「版记」. */
export interface PartDiff {
  part: string;
  segments: Segment[];
}

/** Where a 校对助手 finding is (src/lint.rs `Place`). */
export type LintPlace =
  | { kind: 'masthead_name' }
  | { kind: 'masthead_editor' }
  | { kind: 'masthead_numbers' }
  | { kind: 'headline'; article: number; line: number }
  | { kind: 'toc_text'; article: number }
  | { kind: 'block'; article: number; block: number }
  | { kind: 'byline'; article: number }
  | { kind: 'brief_date'; brief: number }
  | { kind: 'brief_text'; brief: number }
  | { kind: 'brief_source'; brief: number };

/** A proposed replacement (character offsets, applied by the engine). */
export interface LintFix {
  start: number;
  len: number;
  with: string;
}

export interface LintItem {
  rule: string;
  place: LintPlace;
  place_label: string;
  /** The problem in its text: [start, end) in UTF-16 units. */
  start: number;
  end: number;
  excerpt: string;
  message: string;
  fix: LintFix | null;
  /** 「“,”改为“，”」, or empty without a fix. */
  proposal: string;
}

export interface Fixed {
  issue: Issue;
  applied: number;
}

export interface ArchiveDir {
  dir: string | null;
  default_dir: string | null;
  is_default: boolean;
}

export interface Published {
  revision: number;
  dir: string;
  files: { path: string; sha256: string; bytes: number }[];
}

export interface Verified {
  checked: number;
  problems: { path: string; issue_id: string; revision: number; kind: string; label: string }[];
}

/** A written backup of the whole store (`Desktop::backup`). */
export interface BackedUp {
  path: string;
  bytes: number;
  /** How many issues it holds, the recycle bin's included. */
  issues: number;
}

/** A finished restore from a backup (`Desktop::restore`). */
export interface Restored {
  /** How many issues the store holds now, the recycle bin's included. */
  issues: number;
  /** Where the data from before the restore was kept. */
  kept: string;
}

/** A written 年度合订本 (`Desktop::export_volume`). */
export interface VolumeExported {
  path: string;
  bytes: number;
  pages: number;
  issues: number;
  /** The year's issues left out because they are not published: 「第5期（总第246期）」. */
  left_out: string[];
}

// ---- 设置 › 字体 (src/desktop/fonts.rs) ----

/** A typographic role (src/fonts/role.rs). */
export type FontRole = 'XiaoBiaoSong' | 'FangSong' | 'Hei' | 'Kai' | 'Song' | 'Latin';

/** An installed face chosen for a role: by family (or PostScript) name, or by file. */
export type FaceChoice = { kind: 'family'; name: string } | { kind: 'file'; path: string; index: number };

/** How one face covers the characters an issue sets in one role. */
export interface FontCoverage {
  has: number;
  total: number;
  /** The first characters it lacks (they print in the next face of the chain). */
  missing: string[];
}

export interface RoleOption {
  /** Index into `FontSettings.faces`. */
  face: number;
  /** Whether the face goes by a name offices use for the role (仿宋_GB2312…). */
  office: boolean;
  coverage: FontCoverage | null;
}

export interface RoleFont {
  role: FontRole;
  label: string;
  bundled: string;
  choice: FaceChoice | null;
  current: string;
  problem: string | null;
  fallback: string[];
  sample_svg: string;
  coverage: FontCoverage | null;
  options: RoleOption[];
}

export interface FaceOption {
  family: string;
  other_names: string[];
  path: string;
  index: number;
  format: string;
  licence: string;
  /** Whether its licence lets the PDF embed it (else shown greyed out with `licence`). */
  allowed: boolean;
  choice: FaceChoice;
  sample_svg: string;
}

export interface FontSettings {
  roles: RoleFont[];
  faces: FaceOption[];
  warnings: string[];
}

/** Where the editor stands on a review comment. */
export type CommentStatus = 'open' | 'done' | 'rejected';

/** A reply to a reviewer's mark, as the PDF has it. */
export interface ReviewReply {
  author: string;
  date: string | null;
  text: string;
}

/** One review comment (审阅意见) located in the current text. */
export interface ReviewItem {
  id: number;
  round: number;
  kind_label: string;
  author: string;
  date: string | null;
  text: string;
  replies: ReviewReply[];
  page: number;
  /** 「第1篇文章 第2段」, or empty when the mark is on no text. */
  part: string;
  /** The text it is about, as the round had it. */
  quote: string;
  /** The field it is in now; null when its text changed or it is not in an editable field. */
  place: LintPlace | null;
  /** [start, end) in the field's current text, UTF-16 units. */
  start: number;
  end: number;
  /** 「原文已改动」 or empty. */
  changed: string;
  /** 「“本年度”改为“2020年度”」, or empty. */
  proposal: string;
  applicable: boolean;
  status: CommentStatus;
  status_label: string;
  reply: string;
  /** Where the mark lies on the proof pages (points from the top-left), while the text is as the
   * round had it: the preview draws the same pages then. Empty once the text changed. */
  spots: { page: number; area: { x0: number; y0: number; x1: number; y1: number } }[];
}

export interface ReviewImported {
  message: string;
  warning: string | null;
  items: ReviewItem[];
}
