/* sa-ical.c: activity records as iCalendar (RFC 5545), for calendar programs
 *
 * One VEVENT per activity: an all-day event on its date, or an event at its time in
 * Asia/Tokyo when it has one. The UID stays the same across exports, and DTSTAMP is
 * the time of the record's last change, so a calendar that imports the file again
 * updates events instead of doubling them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-date.h"
#include "sa-district.h"
#include "sa-file-write.h"
#include "sa-hlc.h"
#include "sa-ical.h"
#include "sa-organization.h"
#include "sa-store-deleted.h"

#define MAX_OCTETS 75
#define TZID "Asia/Tokyo"

/* Japan has kept +09:00 without daylight saving time since 1951. */
static const char * const vtimezone[] = {
  "BEGIN:VTIMEZONE",
  "TZID:" TZID,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0900",
  "TZNAME:JST",
  "END:STANDARD",
  "END:VTIMEZONE",
  NULL
};

/**
 * sa_ical_escape_text:
 * @text: a value
 *
 * Returns: (transfer full): @text as an iCalendar TEXT value: backslash, semicolon and
 *   comma escaped with a backslash, every line end written as `\n`, other control
 *   characters but tab left out
 */
char *
sa_ical_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r':
        if (p[1] != '\n')
          g_string_append (out, "\\n");
        break;
      default:
        /* iCalendar text holds no control character but tab; a database from before
         * they were refused may still have one. */
        if (((guchar) *p >= 0x20 && *p != 0x7f) || *p == '\t')
          g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/**
 * sa_ical_append_line:
 * @out: the text being built
 * @line: one content line, without its line end
 *
 * Appends @line folded as RFC 5545 asks: no physical line longer than 75 octets, each
 * continuation starting with a space, never inside a UTF-8 character; every physical
 * line ends in CRLF.
 */
void
sa_ical_append_line (GString    *out,
                     const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize room = MAX_OCTETS;

  g_return_if_fail (out != NULL && line != NULL);

  while (length - start > room)
    {
      gsize cut = start + room;

      /* Back up to the first byte of the character the limit falls in. */
      while (cut > start && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, (gssize) (cut - start));
      g_string_append (out, "\r\n ");
      start = cut;
      room = MAX_OCTETS - 1;
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = sa_ical_escape_text (text);
  line = g_strconcat (name, ":", escaped, NULL);
  sa_ical_append_line (out, line);
}

static char *
format_clock (const char *clock)
{
  g_autoptr(GDateTime) when = NULL;
  gint64 wall = 0;

  sa_hlc_parse (clock, &wall, NULL, NULL);
  when = g_date_time_new_from_unix_utc (wall / 1000);
  return g_date_time_format (when, "%Y%m%dT%H%M%SZ");
}

/* The latest clock of any field: when the record last changed. */
static const char *
latest_clock (SaRecord *record)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  const char *latest = sa_record_get_hlc (record);
  GHashTableIter iter;
  gpointer clock;

  if (clocks == NULL)
    return latest;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (g_strcmp0 (clock, latest) > 0)
      latest = clock;
  return latest;
}

static void
append_when (GString  *out,
             SaRecord *activity)
{
  const char *time = sa_record_get_text (activity, SA_ACTIVITY_TIME);
  g_autofree char *day = NULL;
  g_autofree char *line = NULL;
  GDate date;

  sa_date_parse_iso (sa_record_get_text (activity, SA_ACTIVITY_DATE), &date, NULL);
  day = g_strdup_printf ("%04d%02d%02d", g_date_get_year (&date), g_date_get_month (&date),
                         g_date_get_day (&date));
  if (time != NULL)
    {
      line = g_strdup_printf ("DTSTART;TZID=" TZID ":%sT%.2s%.2s00", day, time, time + 3);
      sa_ical_append_line (out, line);
      return;
    }

  line = g_strdup_printf ("DTSTART;VALUE=DATE:%s", day);
  sa_ical_append_line (out, line);
  g_clear_pointer (&line, g_free);
  g_date_add_days (&date, 1);
  line = g_strdup_printf ("DTEND;VALUE=DATE:%04d%02d%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
  sa_ical_append_line (out, line);
}

static char *
describe (SaRecord   *activity,
          GHashTable *orgs,
          GHashTable *districts)
{
  GString *text = g_string_new (NULL);
  const char *org = sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID);
  const char *district = sa_record_get_text (activity, SA_ACTIVITY_DISTRICT_ID);
  const char *notes = sa_record_get_text (activity, SA_ACTIVITY_NOTES);

  if (org != NULL && g_hash_table_contains (orgs, org))
    g_string_append_printf (text, "%s: %s\n", _("Organization"), (char *) g_hash_table_lookup (orgs, org));
  if (district != NULL && g_hash_table_contains (districts, district))
    g_string_append_printf (text, "%s: %s\n", _("District"), (char *) g_hash_table_lookup (districts, district));
  g_string_append_printf (text, "%s: %" G_GINT64_FORMAT "\n", _("Participants"),
                          sa_record_get_int (activity, SA_ACTIVITY_PARTICIPANTS));
  g_string_append_printf (text, "%s: %" G_GINT64_FORMAT, _("Volunteers"),
                          sa_record_get_int (activity, SA_ACTIVITY_VOLUNTEERS));
  if (notes != NULL)
    g_string_append_printf (text, "\n\n%s", notes);
  return g_string_free (text, FALSE);
}

static void
append_event (GString    *out,
              SaRecord   *activity,
              GHashTable *orgs,
              GHashTable *districts)
{
  g_autofree char *uid = g_strdup_printf ("UID:%s@sasaeai", sa_record_get_id (activity));
  g_autofree char *created = format_clock (sa_record_get_hlc (activity));
  g_autofree char *changed = format_clock (latest_clock (activity));
  g_autofree char *stamp = g_strconcat ("DTSTAMP:", changed, NULL);
  g_autofree char *created_line = g_strconcat ("CREATED:", created, NULL);
  g_autofree char *modified_line = g_strconcat ("LAST-MODIFIED:", changed, NULL);
  g_autofree char *description = describe (activity, orgs, districts);

  sa_ical_append_line (out, "BEGIN:VEVENT");
  sa_ical_append_line (out, uid);
  sa_ical_append_line (out, stamp);
  sa_ical_append_line (out, created_line);
  sa_ical_append_line (out, modified_line);
  append_when (out, activity);
  append_property (out, "SUMMARY", sa_record_get_text (activity, SA_ACTIVITY_TITLE));
  append_property (out, "LOCATION", sa_record_get_text (activity, SA_ACTIVITY_PLACE));
  append_property (out, "DESCRIPTION", description);
  sa_ical_append_line (out, "END:VEVENT");
}

/**
 * sa_ical_build_activities:
 * @store: a store
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a VCALENDAR with one VEVENT per activity in
 *   the range that is not deleted
 */
GBytes *
sa_ical_build_activities (SaStore     *store,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) orgs = NULL;
  g_autoptr(GHashTable) districts = NULL;
  g_autofree char *prodid = g_strdup_printf ("PRODID:-//Sasaeai//Sasaeai %s//JA", PACKAGE_VERSION);
  GString *out;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  if (!(activities = sa_store_list_activities (store, from, to, error)) ||
      !(orgs = sa_store_dup_display_names (store, &sa_organization_table, SA_ORGANIZATION_NAME, error)) ||
      !(districts = sa_store_dup_display_names (store, &sa_district_table, SA_DISTRICT_NAME, error)))
    return NULL;

  out = g_string_new (NULL);
  sa_ical_append_line (out, "BEGIN:VCALENDAR");
  sa_ical_append_line (out, "VERSION:2.0");
  sa_ical_append_line (out, prodid);
  sa_ical_append_line (out, "CALSCALE:GREGORIAN");
  append_property (out, "X-WR-CALNAME", _("Sasaeai activities"));
  for (guint i = 0; vtimezone[i] != NULL; i++)
    sa_ical_append_line (out, vtimezone[i]);
  for (guint i = 0; i < activities->len; i++)
    append_event (out, g_ptr_array_index (activities, i), orgs, districts);
  sa_ical_append_line (out, "END:VCALENDAR");
  return g_string_free_to_bytes (out);
}

/**
 * sa_ical_export_activities:
 * @store: a store
 * @file: the `.ics` file to write
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the activities in the range as an iCalendar file.
 */
gboolean
sa_ical_export_activities (SaStore       *store,
                           GFile         *file,
                           const char    *from,
                           const char    *to,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = sa_ical_build_activities (store, from, to, error)))
    return FALSE;
  return sa_file_write_atomically (file, bytes, cancellable, error);
}
