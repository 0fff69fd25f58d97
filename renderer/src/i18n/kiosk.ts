import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import kioskEn from './kiosk.en.json';
import kioskKo from './kiosk.ko.json';
import lobbyEn from './lobby.en.json';
import lobbyKo from './lobby.ko.json';
import ko from './ko.json';

// The lobby kiosk's texts only (its own page, kiosk-main.tsx): its screens read kioskScreens.* (the lobby call display, lobby.*), and the
// common file carries the app's name and the errors a bridge answer may name. The desk's area texts
// (about 150 kB in both languages) are not parsed before the kiosk's first paint. Korean first; the
// visitor's language switch is per visit and never stored (KioskApp.tsx).

void i18n.use(initReactI18next).init({
  resources: {
    ko: { translation: { ...ko, ...kioskKo, ...lobbyKo } },
    en: { translation: { ...en, ...kioskEn, ...lobbyEn } },
  },
  lng: 'ko',
  fallbackLng: 'ko',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export default i18n;
