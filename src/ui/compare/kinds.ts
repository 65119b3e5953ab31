import { t } from '../../i18n';

/** The council's words for the compare tables, the same as the exports' (issue 21). */
export function compareKinds() {
  return {
    priorities: t('export.kindPriorities'),
    transfer: t('export.kindTransfer'),
    invest: t('export.kindInvestment'),
    decline: t('export.kindInvestment'),
    inject: t('export.kindInject'),
    skip: t('export.kindSkip'),
    bought: t('export.bought'),
    declined: t('export.declined'),
  };
}
