// jsdom lacks a few browser APIs the app uses; these stand-ins behave like the real ones enough
// for the DOM the tests inspect.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
let blobs = 0;
URL.createObjectURL ??= () => `blob:test/${++blobs}`;
URL.revokeObjectURL ??= () => {};
Element.prototype.scrollIntoView ??= function () {};
