import { ChangePasswordSection } from './ChangePasswordSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ExportDataSection } from './ExportDataSection';
import { NotificationsSection } from './NotificationsSection';

/** Account settings: notifications, the password, a copy of everything stored, and leaving for good. */
export function SettingsScreen() {
  return (
    <section className="screen settings" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Settings
      </h1>
      <NotificationsSection />
      <ChangePasswordSection />
      <ExportDataSection />
      <DeleteAccountSection />
    </section>
  );
}
