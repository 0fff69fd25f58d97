import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /settings/* (issue 6: kiosk settings; issue 8: accounts).
export function SettingsArea() {
  return <ComingSoon area="settings" />;
}
