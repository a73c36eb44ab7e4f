import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../platform/errors.js';
import { uploadErrors } from './errors.js';

export interface Upload {
  fileName: string;
  /** Detected from the content's magic bytes, never taken from the name or the client's header. */
  mediaType: string;
  content: Buffer;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 3;
export const ALLOWED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

declare module 'fastify' {
  interface FastifyRequest {
    uploads: Upload[];
  }
}

/** Keeps a readable, harmless name: no path, no odd characters, the detected extension. */
function safeName(original: string, ext: string): string {
  const base = path.basename(original).replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'lampiran';
  return `${base}.${ext}`;
}

/**
 * Checks an uploaded file by its content (magic bytes).
 * @throws AppError file_type_refused (415)
 */
export async function checkUpload(fileName: string, content: Buffer): Promise<Upload> {
  const detected = content.length > 0 ? await fileTypeFromBuffer(content) : undefined;
  if (!detected || !(ALLOWED_MEDIA_TYPES as readonly string[]).includes(detected.mime)) {
    throw uploadErrors.file_type_refused({ file: path.basename(fileName).slice(0, 100) });
  }
  return { fileName: safeName(fileName, detected.ext), mediaType: detected.mime, content };
}

/**
 * Reads a multipart/form-data request completely before anything is written: text fields become
 * request.body (validated by the route's zod schema afterwards), files in the `attachments` field
 * become request.uploads after the content check. Use as a preValidation hook.
 * @throws AppError file_too_large, too_many_files (413), file_type_refused (415), unexpected_part (400)
 */
export async function readMultipartBody(request: FastifyRequest): Promise<void> {
  request.uploads = [];
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 30, fieldSize: 20_000, parts: 40 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'attachments') {
          await part.toBuffer().catch(() => undefined);
          throw uploadErrors.unexpected_part({ field: part.fieldname });
        }
        const content = await part.toBuffer();
        if (content.length === 0 && !part.filename) continue; // an empty file input
        uploads.push(await checkUpload(part.filename, content));
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw uploadErrors.file_too_large();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw uploadErrors.too_many_files();
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) throw err;
    // The parser's own errors ("Unexpected end of form", "Malformed part header") carry no status.
    throw uploadErrors.malformed_multipart();
  }
  request.body = fields;
  request.uploads = uploads;
}
