/* sa-privacy.h: noticing contact details in activity records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

/**
 * SaPrivacyFlags:
 * @SA_PRIVACY_NONE: nothing that looks like contact details
 * @SA_PRIVACY_PHONE: something that looks like a phone number
 * @SA_PRIVACY_EMAIL: something that looks like an e-mail address
 */
typedef enum
{
  SA_PRIVACY_NONE  = 0,
  SA_PRIVACY_PHONE = 1 << 0,
  SA_PRIVACY_EMAIL = 1 << 1,
} SaPrivacyFlags;

SaPrivacyFlags  sa_privacy_scan          (const char     *text);
SaPrivacyFlags  sa_privacy_scan_activity (SaRecord       *activity);
const char     *sa_privacy_describe      (SaPrivacyFlags  flags);

G_END_DECLS
