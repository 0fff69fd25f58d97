import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// messages.ts, not the profiling index: the index brings zod, which the kiosk's first screen never needs.
import { profilingMessages } from '../../../shared/profiling/messages.ts';
import a11yEn from './a11y.en.json';
import a11yKo from './a11y.ko.json';
import attachmentsEn from './attachments.en.json';
import attachmentsKo from './attachments.ko.json';
import appointmentsEn from './appointments.en.json';
import appointmentsKo from './appointments.ko.json';
import auditEn from './audit.en.json';
import auditKo from './audit.ko.json';
import backupsEn from './backups.en.json';
import backupsKo from './backups.ko.json';
import caseworkEn from './casework.en.json';
import caseworkKo from './casework.ko.json';
import employersEn from './employers.en.json';
import employersKo from './employers.ko.json';
import en from './en.json';
import escrowEn from './escrow.en.json';
import escrowKo from './escrow.ko.json';
import joinEn from './join.en.json';
import joinKo from './join.ko.json';
import kioskEn from './kiosk.en.json';
import kioskKo from './kiosk.ko.json';
import lifecycleEn from './lifecycle.en.json';
import lifecycleKo from './lifecycle.ko.json';
import mergesEn from './merges.en.json';
import mergesKo from './merges.ko.json';
import programmesEn from './programmes.en.json';
import programmesKo from './programmes.ko.json';
import ko from './ko.json';
import lobbyEn from './lobby.en.json';
import lobbyKo from './lobby.ko.json';
import queueEn from './queue.en.json';
import queueKo from './queue.ko.json';
import documentsEn from './documents.en.json';
import documentsKo from './documents.ko.json';
import formsEn from './forms.en.json';
import formsKo from './forms.ko.json';
import groupsEn from './groups.en.json';
import groupsKo from './groups.ko.json';
import { ruleText } from './messages.ts';
import reportsEn from './reports.en.json';
import reportsKo from './reports.ko.json';
import securityEn from './security.en.json';
import servicesEn from './services.en.json';
import servicesKo from './services.ko.json';
import securityKo from './security.ko.json';
import syncEn from './sync.en.json';
import syncKo from './sync.ko.json';
import timelineEn from './timeline.en.json';
import timelineKo from './timeline.ko.json';
import worklistEn from './worklist.en.json';
import worklistKo from './worklist.ko.json';

// Korean first (the counselors' language), English as a switch. The choice is remembered per desktop.
// Texts live in one file per area (top-level keys must not collide); the profiling rules' own texts
// come from shared/profiling, flat dotted keys nested here so `t('checklist.willToWork.label')` works.

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'caseworker.language';

type Tree = { [key: string]: string | Tree };

function nest(flat: Record<string, string>): Tree {
  const root: Tree = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'string') throw new Error(`message key ${key} extends the key of a text`);
      node = next ?? (node[part] = {});
    }
    node[parts.at(-1) ?? key] = value;
  }
  return root;
}

function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
    }
  }
  return out;
}

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ko';
}

void i18n.use(initReactI18next).init({
  resources: {
    ko: {
      translation: merge(
        nest(profilingMessages.ko),
        ko,
        caseworkKo,
        employersKo,
        kioskKo,
        lobbyKo,
        reportsKo,
        securityKo,
        auditKo,
        backupsKo,
        syncKo,
        escrowKo,
        joinKo,
        queueKo,
        formsKo,
        documentsKo,
        a11yKo,
        lifecycleKo,
        attachmentsKo,
        appointmentsKo,
        mergesKo,
        worklistKo,
        servicesKo,
        programmesKo,
        timelineKo,
        groupsKo,
      ),
    },
    en: {
      translation: merge(
        nest(profilingMessages.en),
        en,
        caseworkEn,
        employersEn,
        kioskEn,
        lobbyEn,
        reportsEn,
        securityEn,
        auditEn,
        backupsEn,
        syncEn,
        escrowEn,
        joinEn,
        queueEn,
        formsEn,
        documentsEn,
        a11yEn,
        lifecycleEn,
        attachmentsEn,
        appointmentsEn,
        mergesEn,
        worklistEn,
        servicesEn,
        programmesEn,
        timelineEn,
        groupsEn,
      ),
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'ko',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // Validation messages carry their rule's figures (renderer/src/i18n/messages.ts).
  parseMissingKeyHandler: (key: string) => ruleText(i18n, key),
});

export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

document.documentElement.lang = i18n.language;

export default i18n;
