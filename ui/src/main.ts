// Boots the app in the Tauri window: the archive first, then close handling and file drops.

import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { api } from './api';
import { App } from './app';
import { listenToMenu } from './menu';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('#app missing from index.html');
const app = new App(root, api);
// Once the archive is usable, the shell logs the start-up time (scripts/bench-cold-start.sh).
void app.start().then(() => api.ready());

// The shell asks before the window closes: write the last changes, then let it close.
void listen('bulletin://close-requested', async () => {
  try {
    await app.flush();
  } finally {
    await api.closeWindow();
  }
});

// The menu bar's items run the same commands as their keyboard shortcuts.
void listenToMenu((cmd) => app.run(cmd));

// Files dropped onto the window are imported (pictures: into the article under the pointer).
void getCurrentWebview().onDragDropEvent((event) => {
  if (event.payload.type === 'drop' && event.payload.paths.length > 0) {
    const { x, y } = event.payload.position;
    const at = { x: x / window.devicePixelRatio, y: y / window.devicePixelRatio };
    void app.importPaths(event.payload.paths, at);
  }
});
