import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { ChipsInput, addChip } from '../components/ChipsInput';
import { Alert, FieldError, describedBy } from '../components/Field';
import { MyPhotos } from '../components/MyPhotos';
import { errorCode, errorMessage, fieldErrors } from '../lib/errors';
import { href } from '../lib/router';
import { useSession } from '../lib/session';
import { UpdateProfileDoc } from '../operations';
import { ErrorCode, Limits } from '../lib/contract';

type FieldName = 'displayName' | 'bio' | 'hobbies' | 'interests' | 'zipCode' | 'friendRadiusMiles';
type Errors = Partial<Record<FieldName, string[]>>;
const fieldOrder: FieldName[] = ['displayName', 'bio', 'hobbies', 'interests', 'zipCode', 'friendRadiusMiles'];
const inputIds: Record<FieldName, string> = {
  displayName: 'profile-display-name',
  bio: 'profile-bio',
  hobbies: 'profile-hobbies',
  interests: 'profile-interests',
  zipCode: 'profile-zip',
  friendRadiusMiles: 'profile-radius',
};

type Draft = {
  displayName: string;
  bio: string;
  hobbies: string[];
  interests: string[];
  zipCode: string;
  friendRadiusMiles: number;
};

function validate(draft: Draft): Errors {
  const errors: Errors = {};
  const name = draft.displayName.trim();
  if (!name) errors.displayName = ['Enter the name people will see.'];
  else if (name.length > 50) errors.displayName = ['Use at most 50 characters.'];
  if (draft.bio.trim().length > 500) errors.bio = ['Use at most 500 characters.'];
  if (!draft.hobbies.length) errors.hobbies = ['Add at least one hobby.'];
  if (!draft.interests.length) errors.interests = ['Add at least one interest.'];
  if (!/^\d{5}$/.test(draft.zipCode.trim())) errors.zipCode = ['Enter a 5-digit US ZIP code.'];
  return errors;
}

function fromServer(error: CombinedError): { fields: Errors; general: string } {
  const code = errorCode(error);
  if (code === ErrorCode.UnknownZipCode) return { fields: { zipCode: [errorMessage(error)] }, general: '' };
  if (code !== ErrorCode.BadUserInput) return { fields: {}, general: errorMessage(error) };
  const all = fieldErrors(error);
  const fields: Errors = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(all)) {
    if ((fieldOrder as string[]).includes(key)) fields[key as FieldName] = messages;
    else other.push(...messages);
  }
  return { fields, general: other.join(' ') || (Object.keys(fields).length ? '' : errorMessage(error)) };
}

export function ProfileScreen() {
  const { me, reloadMe } = useSession();
  const [, updateProfile] = useMutation(UpdateProfileDoc);
  const profile = me.profile;
  const [draft, setDraft] = useState<Draft>(() => ({
    displayName: profile?.displayName ?? me.username,
    bio: profile?.bio ?? '',
    hobbies: profile?.hobbies ?? [],
    interests: profile?.interests ?? [],
    zipCode: profile?.zipCode ?? '',
    friendRadiusMiles: profile?.friendRadiusMiles ?? 10,
  }));
  const [hobbyDraft, setHobbyDraft] = useState('');
  const [interestDraft, setInterestDraft] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (status === 'saved') setStatus('idle');
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Words typed but not yet added with Enter still count.
    const full: Draft = {
      ...draft,
      hobbies: addChip(draft.hobbies, hobbyDraft),
      interests: addChip(draft.interests, interestDraft),
    };
    setDraft(full);
    setHobbyDraft('');
    setInterestDraft('');
    setGeneral('');
    const found = validate(full);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    setStatus('saving');
    const result = await updateProfile({
        input: {
          displayName: full.displayName.trim(),
          bio: full.bio.trim() || null,
          hobbies: full.hobbies,
          interests: full.interests,
          zipCode: full.zipCode.trim(),
          friendRadiusMiles: full.friendRadiusMiles,
        },
      });
    if (result.data) {
      setStatus('saved');
      await reloadMe();
      return;
    }
    setStatus('idle');
    if (result.error) {
      const { fields, general: message } = fromServer(result.error);
      setErrors(fields);
      setGeneral(message);
      focusFirst(fields);
    }
  }

  function focusFirst(found: Errors) {
    const first = fieldOrder.find((key) => found[key]);
    if (first) document.getElementById(inputIds[first])?.focus();
  }

  const radiusText = `${draft.friendRadiusMiles} mile${draft.friendRadiusMiles === 1 ? '' : 's'}`;

  return (
    <section className="screen profile" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Your profile
      </h1>
      {!me.profileComplete && (
        <p className="notice">
          Tell people a little about yourself. Once your hobbies, interests, ZIP code and radius are set you can start
          meeting people nearby.
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={inputIds.displayName}>Display name</label>
          <input
            id={inputIds.displayName}
            value={draft.displayName}
            maxLength={Limits.displayNameMaxLength}
            autoComplete="nickname"
            onChange={(e) => set('displayName', e.target.value)}
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={describedBy(errors.displayName && 'profile-display-name-error')}
          />
          <FieldError id="profile-display-name-error" messages={errors.displayName} />
        </div>
        <div className="field">
          <label htmlFor={inputIds.bio}>Bio</label>
          <textarea
            id={inputIds.bio}
            value={draft.bio}
            rows={4}
            maxLength={Limits.bioMaxLength}
            onChange={(e) => set('bio', e.target.value)}
            aria-invalid={errors.bio ? true : undefined}
            aria-describedby={describedBy('profile-bio-count', errors.bio && 'profile-bio-error')}
          />
          <p className="hint" id="profile-bio-count">
            {draft.bio.length} of 500 characters. Optional.
          </p>
          <FieldError id="profile-bio-error" messages={errors.bio} />
        </div>
        <ChipsInput
          id={inputIds.hobbies}
          label="Hobbies"
          noun="hobby"
          values={draft.hobbies}
          onChange={(values) => set('hobbies', values)}
          draft={hobbyDraft}
          onDraftChange={setHobbyDraft}
          errors={errors.hobbies}
        />
        <ChipsInput
          id={inputIds.interests}
          label="Interests"
          noun="interest"
          values={draft.interests}
          onChange={(values) => set('interests', values)}
          draft={interestDraft}
          onDraftChange={setInterestDraft}
          errors={errors.interests}
        />
        <div className="field">
          <label htmlFor={inputIds.zipCode}>ZIP code</label>
          <input
            id={inputIds.zipCode}
            className="short"
            value={draft.zipCode}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={Limits.zipCodeLength}
            onChange={(e) => set('zipCode', e.target.value.replace(/\D/g, ''))}
            aria-invalid={errors.zipCode ? true : undefined}
            aria-describedby={describedBy('profile-zip-hint', errors.zipCode && 'profile-zip-error')}
          />
          <p className="hint" id="profile-zip-hint">
            Private to you: others only see a distance in whole miles.
          </p>
          <FieldError id="profile-zip-error" messages={errors.zipCode} />
        </div>
        <div className="field">
          <label htmlFor={inputIds.friendRadiusMiles}>Friend radius</label>
          <div className="range-row">
            <input
              id={inputIds.friendRadiusMiles}
              type="range"
              min={Limits.minFriendRadiusMiles}
              max={Limits.maxFriendRadiusMiles}
              step={1}
              value={draft.friendRadiusMiles}
              onChange={(e) => set('friendRadiusMiles', Number(e.target.value))}
              aria-valuetext={radiusText}
              aria-invalid={errors.friendRadiusMiles ? true : undefined}
              aria-describedby={describedBy('profile-radius-value', errors.friendRadiusMiles && 'profile-radius-error')}
            />
            <output id="profile-radius-value" htmlFor={inputIds.friendRadiusMiles}>
              {radiusText}
            </output>
          </div>
          <FieldError id="profile-radius-error" messages={errors.friendRadiusMiles} />
        </div>
        <Alert>{general}</Alert>
        <div className="actions">
          <button type="submit" className="primary" disabled={status === 'saving'}>
            Save profile
          </button>
          <p role="status" className="status-line">
            {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Profile saved.' : ''}
          </p>
        </div>
        {status === 'saved' && me.profileComplete && (
          <p>
            <a href={href({ name: 'discover' })}>Find people nearby →</a>
          </p>
        )}
      </form>
      <MyPhotos initial={me.photos} />
    </section>
  );
}
