import { CombinedError, stringifyDocument } from '@urql/core';
import type { PhotoFieldsFragment } from '../gql/graphql';
import { UploadPhotoDoc } from '../operations';
import { authorizedFetch } from './client';
import { ErrorCode, Limits } from './contract';

export type Photo = PhotoFieldsFragment;

export const MAX_PHOTOS = Limits.maxPhotos;
export const MAX_PHOTO_BYTES = Limits.photoMaxMegabytes * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The error the API would give, for checks the client can make before sending a file. */
export function localPhotoError(file: File, count: number): CombinedError | null {
  const code =
    count >= MAX_PHOTOS
      ? ErrorCode.PhotoLimitReached
      : file.type && !PHOTO_TYPES.includes(file.type)
        ? ErrorCode.UnsupportedMediaType
        : file.size > MAX_PHOTO_BYTES
          ? ErrorCode.PayloadTooLarge
          : null;
  return code ? new CombinedError({ graphQLErrors: [{ message: code, extensions: { code } }] }) : null;
}

/** A status the server or a proxy answered with instead of a GraphQL error. */
const codeForStatus: Record<number, string> = {
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  503: ErrorCode.StorageUnavailable,
};

/**
 * uploadPhoto as a GraphQL multipart request (graphql-multipart-request-spec v2). Goes through the same fetch as
 * urql: a fresh token, and one refresh and retry on UNAUTHENTICATED. The browser sets the multipart Content-Type.
 */
export async function uploadPhoto(file: File): Promise<{ photo: Photo } | { error: CombinedError }> {
  const body = new FormData();
  body.append('operations', JSON.stringify({ query: stringifyDocument(UploadPhotoDoc), variables: { file: null } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);

  let response: Response;
  try {
    response = await authorizedFetch('/graphql', {
      method: 'POST',
      body,
      headers: { 'GraphQL-Preflight': '1', accept: 'application/graphql-response+json, application/json' },
    });
  } catch (networkError) {
    return { error: new CombinedError({ networkError: networkError as Error }) };
  }

  let result: { data?: { uploadPhoto?: { photo: Photo } } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    result = await response.json();
  } catch {
    result = {};
  }
  const photo = result.data?.uploadPhoto?.photo;
  if (photo && !result.errors?.length) return { photo };
  if (result.errors?.length) return { error: new CombinedError({ graphQLErrors: result.errors, response }) };
  const code = codeForStatus[response.status];
  if (code) return { error: new CombinedError({ graphQLErrors: [{ message: code, extensions: { code } }], response }) };
  // No GraphQL answer at all: errorMessage() gives its general "Something went wrong" for an error without a code.
  return { error: new CombinedError({ graphQLErrors: [{ message: `Upload failed with HTTP ${response.status}` }], response }) };
}
