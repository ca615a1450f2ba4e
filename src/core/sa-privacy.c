/* sa-privacy.c: noticing contact details in activity records
 *
 * Activity records are counts, not people. A phone number or an e-mail address in a
 * title, place or notes is most likely a person's, so the form and the imports warn
 * about it; they never refuse, since a salon's public number is fine to keep.
 *
 * Text is compared in NFKC form, which turns full-width digits, letters and "＠" into
 * ASCII, as people type them either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-activity.h"
#include "sa-privacy.h"

/* Japanese numbers: 0 and nine or ten more digits (after +81 the 0 is dropped), split
 * by hyphens of any kind, spaces or brackets; or a local number after TEL or 電話
 * (NFKC has already turned ℡ into TEL). */
#define SEP "[-\\x{2010}\\x{2011}\\x{2012}\\x{2013}\\x{2212}\\x{30FC} ()]?"
static const char phone_pattern[] =
  "(?<![0-9])(?:0[0-9](?:" SEP "[0-9]){8,9}|\\+81" SEP "[0-9](?:" SEP "[0-9]){8,9})(?![0-9])"
  "|(?:TEL|Tel|tel|FAX|Fax|fax|電話|携帯)[.:]?\\s*\\(?[0-9]{2,5}[-)\\x{2010}\\x{2212}\\x{30FC}][0-9]";
#undef SEP

static const char email_pattern[] =
  "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+";

static GRegex *
compile_once (GRegex    **regex,
              const char *pattern)
{
  if (g_once_init_enter (regex))
    {
      GRegex *compiled = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (compiled != NULL);
      g_once_init_leave (regex, compiled);
    }
  return *regex;
}

/**
 * sa_privacy_scan:
 * @text: (nullable): text a person wrote
 *
 * Returns: what in @text looks like contact details
 */
SaPrivacyFlags
sa_privacy_scan (const char *text)
{
  static GRegex *phone, *email;
  g_autofree char *normal = NULL;
  SaPrivacyFlags flags = SA_PRIVACY_NONE;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return SA_PRIVACY_NONE;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (g_regex_match (compile_once (&phone, phone_pattern), normal, 0, NULL))
    flags |= SA_PRIVACY_PHONE;
  if (g_regex_match (compile_once (&email, email_pattern), normal, 0, NULL))
    flags |= SA_PRIVACY_EMAIL;
  return flags;
}

/**
 * sa_privacy_scan_activity:
 * @activity: an activity record
 *
 * Returns: what in the activity's title, place or notes looks like contact details
 */
SaPrivacyFlags
sa_privacy_scan_activity (SaRecord *activity)
{
  static const guint fields[] = { SA_ACTIVITY_TITLE, SA_ACTIVITY_PLACE, SA_ACTIVITY_NOTES };
  SaPrivacyFlags flags = SA_PRIVACY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    flags |= sa_privacy_scan (sa_record_get_text (activity, fields[i]));
  return flags;
}

/**
 * sa_privacy_describe:
 * @flags: what was found
 *
 * Returns: (nullable): a sentence that says what was found and why it matters, or
 *   %NULL for %SA_PRIVACY_NONE
 */
const char *
sa_privacy_describe (SaPrivacyFlags flags)
{
  if ((flags & SA_PRIVACY_PHONE) && (flags & SA_PRIVACY_EMAIL))
    return _("This looks like a phone number and an e-mail address. Activity records are "
             "counts, not people: leave out personal contact details.");
  if (flags & SA_PRIVACY_PHONE)
    return _("This looks like a phone number. Activity records are counts, not people: "
             "leave out personal contact details.");
  if (flags & SA_PRIVACY_EMAIL)
    return _("This looks like an e-mail address. Activity records are counts, not people: "
             "leave out personal contact details.");
  return NULL;
}
