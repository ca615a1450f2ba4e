/* test-ical.c: activity records as iCalendar: escaping, folding, events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-ical.h"

static void
test_escape (void)
{
  const struct { const char *text, *escaped; } cases[] = {
    { "サロン", "サロン" },
    { "a,b;c\\d", "a\\,b\\;c\\\\d" },
    { "一行目\n二行目", "一行目\\n二行目" },
    { "CRLF\r\nと CR\rだけ", "CRLF\\nと CR\\nだけ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = sa_ical_escape_text (cases[i].text);
      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

/* Checks RFC 5545 line form and returns the content lines, unfolded. */
static GStrv
unfold (const char *text)
{
  g_auto(GStrv) physical = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GString) line = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_null (strstr (text, "\n\n"));
  physical = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *p = physical[i];

      g_assert_null (strchr (p, '\n'));
      g_assert_null (strchr (p, '\r'));
      g_assert_cmpuint (strlen (p), <=, 75);
      g_assert_true (g_utf8_validate (p, -1, NULL));
      if (p[0] == ' ')
        {
          g_assert_nonnull (line);
          g_string_append (line, p + 1);
          continue;
        }
      if (line != NULL)
        g_strv_builder_add (lines, line->str);
      if (line != NULL)
        g_string_free (line, TRUE);
      line = g_string_new (p);
    }
  if (line != NULL)
    g_strv_builder_add (lines, line->str);
  return g_strv_builder_end (lines);
}

static void
test_fold (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) japanese = g_string_new ("DESCRIPTION:");
  g_autofree char *xs = g_strnfill (200, 'x');
  g_autofree char *ascii = g_strconcat ("SUMMARY:", xs, NULL);
  g_autofree char *first_part = g_strdup_printf ("\r\nSUMMARY:%.67s\r\n x", xs);
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (japanese, "支え合い𠮷");
  sa_ical_append_line (out, "BEGIN:VEVENT");
  sa_ical_append_line (out, ascii);
  sa_ical_append_line (out, japanese->str);
  sa_ical_append_line (out, "END:VEVENT");

  /* The first physical line of the long ASCII line is exactly 75 octets. */
  g_assert_nonnull (strstr (out->str, first_part));
  lines = unfold (out->str);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[1], ==, ascii);
  g_assert_cmpstr (lines[2], ==, japanese->str);
}

typedef struct
{
  char    *dir;
  SaStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sasaeai-ical-XXXXXX", NULL);
  path = g_build_filename (f->dir, "plan.db", NULL);
  f->store = sa_store_create (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static SaRecord *
add (Fixture    *f,
     const char *date,
     const char *time,
     const char *title,
     const char *place,
     const char *notes)
{
  g_autoptr(GError) error = NULL;
  SaRecord *activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TIME, time);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  sa_record_set_text (activity, SA_ACTIVITY_PLACE, place);
  sa_record_set_text (activity, SA_ACTIVITY_NOTES, notes);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 25);
  g_assert_true (sa_store_insert (f->store, activity, &error));
  g_assert_no_error (error);
  return activity;
}

static GStrv
event_of (GStrv       lines,
          const char *uid)
{
  g_autoptr(GStrvBuilder) event = g_strv_builder_new ();
  gboolean inside = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        {
          inside = g_str_equal (lines[i + 1], uid);
          continue;
        }
      if (g_str_equal (lines[i], "END:VEVENT"))
        inside = FALSE;
      if (inside)
        g_strv_builder_add (event, lines[i]);
    }
  return g_strv_builder_end (event);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SaRecord) all_day = add (f, "2012-05-31", NULL, "ふれあい, サロン; 第1回", "地区センター\\集会室", NULL);
  g_autoptr(SaRecord) timed = add (f, "2012-06-01", "09:30", "見守り", NULL, "雨天のため\n室内で実施。長い長い長い長い長い長い長い長い長い長い説明");
  g_autoptr(SaRecord) deleted = add (f, "2012-06-02", NULL, "削除済み", NULL, NULL);
  g_autoptr(SaRecord) other_year = add (f, "2013-04-01", NULL, "翌年度", NULL, NULL);
  g_autofree char *path = g_build_filename (f->dir, "out.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid_all_day = g_strdup_printf ("UID:%s@sasaeai", sa_record_get_id (all_day));
  g_autofree char *uid_timed = g_strdup_printf ("UID:%s@sasaeai", sa_record_get_id (timed));
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;

  g_assert_true (sa_store_set_deleted (f->store, &sa_activity_table, sa_record_get_id (deleted), TRUE, &error));
  g_assert_true (sa_ical_export_activities (f->store, file, "2012-04-01", "2013-03-31", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = unfold (text);

  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (lines[1], ==, "VERSION:2.0");
  g_assert_true (g_str_has_prefix (lines[2], "PRODID:-//Sasaeai//"));
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "END:VCALENDAR");
  g_assert_true (g_strv_contains ((const char * const *) lines, "TZID:Asia/Tokyo"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "TZOFFSETTO:+0900"));
  g_assert_null (strstr (text, "削除済み"));
  g_assert_null (strstr (text, "翌年度"));

  first = event_of (lines, uid_all_day);
  g_assert_cmpstr (first[0], ==, uid_all_day);
  g_assert_true (g_regex_match_simple ("^DTSTAMP:\\d{8}T\\d{6}Z$", first[1], 0, 0));
  g_assert_true (g_strv_contains ((const char * const *) first, "DTSTART;VALUE=DATE:20120531"));
  g_assert_true (g_strv_contains ((const char * const *) first, "DTEND;VALUE=DATE:20120601"));
  g_assert_true (g_strv_contains ((const char * const *) first, "SUMMARY:ふれあい\\, サロン\\; 第1回"));
  g_assert_true (g_strv_contains ((const char * const *) first, "LOCATION:地区センター\\\\集会室"));

  second = event_of (lines, uid_timed);
  g_assert_true (g_strv_contains ((const char * const *) second, "DTSTART;TZID=Asia/Tokyo:20120601T093000"));
  g_assert_false (g_strv_contains ((const char * const *) second, "DTEND;VALUE=DATE:20120602"));
  g_assert_true (g_strv_contains ((const char * const *) second,
                                  "DESCRIPTION:Participants: 25\\nVolunteers: 0\\n\\n雨天のため\\n室内で実施。"
                                  "長い長い長い長い長い長い長い長い長い長い説明"));
  /* That description is longer than one line: it was folded, and unfolds whole. */
  g_assert_nonnull (strstr (text, "\r\n "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/escape", test_escape);
  g_test_add_func ("/ical/fold", test_fold);
  g_test_add ("/ical/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);

  return g_test_run ();
}
