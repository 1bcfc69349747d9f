import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { Alert } from './Field';
import { useMutation } from 'urql';
import { errorMessage } from '../lib/errors';
import { MAX_PHOTOS, PHOTO_TYPES, localPhotoError, uploadPhoto, type Photo } from '../lib/photos';
import { DeletePhotoDoc, ReorderPhotosDoc } from '../operations';

const byPosition = (photos: readonly Photo[]): Photo[] => [...photos].sort((a, b) => a.position - b.position);

/** Your photos: add (multipart upload), move earlier/later, delete. Results are announced in a status line. */
export function MyPhotos({ initial, onChange }: { initial: readonly Photo[]; onChange?: () => void }) {
  const [photos, setPhotos] = useState<Photo[]>(() => byPosition(initial));
  const [, reorderPhotos] = useMutation(ReorderPhotosDoc);
  const [, deletePhoto] = useMutation(DeletePhotoDoc);
  const [busy, setBusy] = useState<'' | 'uploading' | 'saving'>('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const busyRef = useRef(false);
  const fileRef = useRef<HTMLInputElement>(null);
  /** After a change, the id of the control to focus once the new list is rendered. */
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, photos]);

  function begin(kind: 'uploading' | 'saving', message: string): boolean {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(kind);
    setError('');
    setStatus(message);
    return true;
  }

  function finish(next: readonly Photo[] | null, message: string, failure?: CombinedError) {
    busyRef.current = false;
    setBusy('');
    if (next) {
      setPhotos(byPosition(next));
      setStatus(message);
      onChange?.();
    } else {
      setStatus('');
      setError(errorMessage(failure));
    }
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const local = localPhotoError(file, photos.length);
    if (local) {
      setStatus('');
      setError(errorMessage(local));
      return;
    }
    if (!begin('uploading', 'Uploading photo…')) return;
    const result = await uploadPhoto(file);
    if ('photo' in result) {
      const next = byPosition([...photos.filter((photo) => photo.id !== result.photo.id), result.photo]);
      finish(next, `Photo added. You have ${next.length} of ${MAX_PHOTOS} photos.`);
    } else {
      finish(null, '', result.error);
    }
    fileRef.current?.focus();
  }

  async function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= photos.length) return;
    if (!begin('saving', 'Saving the new order…')) return;
    const order = photos.map((photo) => photo.id);
    [order[index], order[target]] = [order[target], order[index]];
    const result = await reorderPhotos({ input: { photoIds: order } });
    const next = result.data?.reorderPhotos.photos ?? null;
    finish(next, `Photo ${index + 1} is now photo ${target + 1}.`, result.error);
    if (next) {
      // Follow the moved photo; at either end its button in this direction is disabled, so take the other one.
      const edge = by < 0 ? target === 0 : target === next.length - 1;
      setFocusId(`photo-${target}-${edge ? (by < 0 ? 'later' : 'earlier') : by < 0 ? 'earlier' : 'later'}`);
    }
  }

  async function remove(index: number) {
    const photo = photos[index];
    if (!photo) return;
    if (!window.confirm(`Delete photo ${index + 1}? It is removed for good, and nobody sees it again.`)) return;
    if (!begin('saving', `Deleting photo ${index + 1}…`)) return;
    const result = await deletePhoto({ input: { photoId: photo.id } });
    const next = result.data?.deletePhoto.photos ?? null;
    finish(
      next,
      next ? `Photo ${index + 1} deleted. You have ${next.length} of ${MAX_PHOTOS} photos.` : '',
      result.error,
    );
    // Not onto another photo's Delete button, where a second Enter would start deleting that one.
    if (next) setFocusId('photos-title');
  }

  const full = photos.length >= MAX_PHOTOS;

  return (
    <section className="my-photos" aria-labelledby="photos-title">
      <h2 id="photos-title" tabIndex={-1}>
        Your photos
      </h2>
      <p className="hint" id="photo-file-hint">
        {photos.length} of {MAX_PHOTOS} photos. JPEG, PNG or WebP, up to 10 MB. The first one is shown first.
      </p>
      {photos.length > 0 ? (
        <ul aria-busy={busy ? true : undefined}>
          {photos.map((photo, index) => {
            const n = index + 1;
            return (
              <li key={photo.id}>
                <img src={photo.url} alt={`Yours, number ${n}`} loading="lazy" />
                <div className="photo-tools">
                  <button
                    type="button"
                    id={`photo-${index}-earlier`}
                    className="ghost"
                    aria-label={`Move photo ${n} earlier`}
                    title="Move earlier"
                    disabled={index === 0}
                    onClick={() => void move(index, -1)}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    id={`photo-${index}-later`}
                    className="ghost"
                    aria-label={`Move photo ${n} later`}
                    title="Move later"
                    disabled={index === photos.length - 1}
                    onClick={() => void move(index, 1)}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    id={`photo-${index}-delete`}
                    className="ghost danger"
                    aria-label={`Delete photo ${n}`}
                    onClick={() => void remove(index)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No photos yet. People are more likely to say yes when they can see you.</p>
      )}
      <div className="field photo-upload">
        <label htmlFor="photo-file">Add photo</label>
        <input
          ref={fileRef}
          id="photo-file"
          type="file"
          accept={PHOTO_TYPES.join(',')}
          onChange={(e) => void onFile(e)}
          aria-describedby={full ? 'photo-file-hint photo-file-full' : 'photo-file-hint'}
        />
        {full && (
          <p className="hint" id="photo-file-full">
            You have the most photos allowed. Delete one to add another.
          </p>
        )}
      </div>
      <Alert>{error}</Alert>
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
