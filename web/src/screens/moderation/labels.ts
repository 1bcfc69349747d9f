import type { ModerationActionKind, ReportCategory } from '../../gql/graphql';
import { CATEGORIES } from '../../components/ReportDialog';

export const categoryLabel = (category: ReportCategory): string =>
  CATEGORIES.find((item) => item.value === category)?.label ?? category;

export const ACTION_LABELS: Record<ModerationActionKind, string> = {
  DISMISS: 'Dismissed',
  WARN: 'Warned',
  SUSPEND: 'Suspended',
  BAN: 'Banned',
  REMOVE_PHOTO: 'Removed a photo',
  LIFT: 'Lifted a suspension',
  ANSWER_APPEAL: 'Answered an appeal',
};

export const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
