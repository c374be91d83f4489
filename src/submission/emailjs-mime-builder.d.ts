// The part of emailjs-mime-builder's API we use (the package ships no types).
declare module 'emailjs-mime-builder' {
  interface MimeNodeOptions {
    filename?: string;
    baseBoundary?: string;
  }
  export default class MimeNode {
    constructor(contentType?: string, options?: MimeNodeOptions);
    createChild(contentType?: string, options?: MimeNodeOptions): MimeNode;
    setHeader(key: string, value: string): MimeNode;
    setHeader(headers: Record<string, string>): MimeNode;
    setContent(content: string | Uint8Array): MimeNode;
    build(): string;
  }
}
