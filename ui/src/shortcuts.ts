// Keyboard shortcuts, as Word and WPS users expect them. The tooltips name the same keys.

export type Command =
  | 'save'
  | 'undo'
  | 'redo'
  | 'exportPdf'
  | 'exportDocx'
  | 'newIssue'
  | 'import'
  | 'search'
  | 'check'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomFit'
  | 'fonts';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey?: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press asks for, if any. */
export function commandFor(ev: KeyLike): Command | null {
  const ctrl = ev.ctrlKey || ev.metaKey === true;
  if (!ctrl || ev.altKey) return null;
  const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
  switch (key) {
    case 's':
      return ev.shiftKey ? null : 'save';
    case 'z':
      return ev.shiftKey ? 'redo' : 'undo';
    case 'y':
      return 'redo';
    case 'e':
      return ev.shiftKey ? 'exportDocx' : 'exportPdf';
    case 'n':
      return ev.shiftKey ? null : 'newIssue';
    case 'o':
      return 'import';
    case 'f':
      return 'search';
    case 'k':
      return 'check';
    case '=':
    case '+':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case '0':
      return 'zoomFit';
    default:
      return null;
  }
}
