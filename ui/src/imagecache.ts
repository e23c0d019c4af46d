// The pictures' preview copies, fetched from the engine once per page load by image id (the
// SHA-256 the store keeps them by) and held as object URLs: the form's thumbnails and the preview's
// pages point at them, so no keystroke ever carries image bytes.

/** Fetches the preview copy of image `id` as a `data:` URL (the engine's `image_preview`). */
export type FetchImage = (id: string) => Promise<string>;

/** The bytes of a base64 `data:` URL (the CSP lets no fetch() read one). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0 || !url.slice(0, comma).endsWith(';base64')) {
    throw new Error('not a base64 data URL');
  }
  const text = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The media type of an image from its first bytes (the preview copy is JPEG, PNG or WebP). */
export function sniffMediaType(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) === 'RIFF' && tag(8) === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export class ImageCache {
  private readonly urls = new Map<string, Promise<string>>();
  private readonly ready = new Map<string, string>();
  /** How many preview copies were fetched (each image once). */
  fetched = 0;

  constructor(private readonly fetchImage: FetchImage) {}

  /** The object URL of image `id`, fetched on first use; a failed fetch is tried again next time. */
  url(id: string): Promise<string> {
    let url = this.urls.get(id);
    if (!url) {
      this.fetched += 1;
      url = this.fetchImage(id).then((data) => {
        // An object URL: a short href for every <image> and thumbnail, the bytes held once.
        const bytes = new Uint8Array(dataUrlBytes(data));
        const href = URL.createObjectURL(new Blob([bytes], { type: sniffMediaType(bytes) }));
        this.ready.set(id, href);
        return href;
      });
      url.catch(() => this.urls.delete(id));
      this.urls.set(id, url);
    }
    return url;
  }

  /** Points `el`'s `attr` at image `id`: at once when it is held, else when it arrives. */
  show(el: Element, id: string, attr = 'href'): void {
    el.setAttribute('data-image', id);
    const href = this.ready.get(id);
    if (href) {
      el.setAttribute(attr, href);
      return;
    }
    this.url(id).then(
      (u) => {
        if (el.getAttribute('data-image') === id) el.setAttribute(attr, u);
      },
      () => el.classList.add('image-missing'),
    );
  }

  /** Whether image `id` has arrived. */
  has(id: string): boolean {
    return this.ready.has(id);
  }
}
