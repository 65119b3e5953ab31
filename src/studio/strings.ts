/**
 * The studio's UI strings, added to i18next when the studio loads (locales/studio.*.json), so
 * the start screen does not carry them. Same rules as locales/: Dutch and English, same keys.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import nl from './locales/nl.json';

i18next.addResourceBundle('nl', 'translation', { studio: nl }, true, true);
i18next.addResourceBundle('en', 'translation', { studio: en }, true, true);
