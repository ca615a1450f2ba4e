/* test-record.c: what reading a row checks and tells: ids, clocks, notifications
 *
 * An import checks a few ids and clocks a row with its own loops rather than GLib's
 * UUID parser; these tests hold them to what GLib accepts, character by character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sa-activity.h"
#include "sa-hlc.h"
#include "sa-table.h"

/* Every way of spoiling @id by one character: each position replaced by each
 * character of a few classes, cut short at each length, one character too many. */
static GPtrArray *
spoiled_ids (const char *id)
{
  static const char replacements[] = "0aAfFgG-_ \x7f";
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  gsize length = strlen (id);

  g_ptr_array_add (ids, g_strdup (id));
  for (gsize i = 0; i < length; i++)
    {
      for (const char *r = replacements; *r; r++)
        {
          char *copy = g_strdup (id);

          copy[i] = *r;
          g_ptr_array_add (ids, copy);
        }
      g_ptr_array_add (ids, g_strndup (id, i));
    }
  g_ptr_array_add (ids, g_strconcat (id, "0", NULL));
  g_ptr_array_add (ids, g_strconcat (id, "-", NULL));
  return ids;
}

static void
test_ids (void)
{
  g_autoptr(GPtrArray) ids = spoiled_ids ("5a5ae0a1-0000-4000-8000-00000000000f");
  guint valid = 0;

  g_assert_false (sa_id_is_valid (NULL));
  g_assert_true (sa_id_is_valid ("5A5AE0A1-ABCD-4000-8000-00000000000F"));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      g_test_message ("%s", id);
      g_assert_cmpint (sa_id_is_valid (id), ==, g_uuid_string_is_valid (id));
      valid += sa_id_is_valid (id);
    }
  /* The id itself and the hex digits replacing others. */
  g_assert_cmpuint (valid, >, 32 * 5);
  g_assert_cmpuint (valid, <, ids->len / 2);
}

/* A clock is valid exactly when it has 13 digits, a hyphen, 4 lower-case hex digits,
 * a hyphen and a valid site id; what it reads is what its digits say. */
static void
test_clocks (void)
{
  const char *good = "1796503831689-0a0f-8129897f-3513-42a1-afc6-e22755a56dcb";
  g_autoptr(GPtrArray) clocks = spoiled_ids (good);
  gint64 wall;
  guint counter;
  const char *site;

  g_assert_true (sa_hlc_parse (good, &wall, &counter, &site));
  g_assert_cmpint (wall, ==, G_GINT64_CONSTANT (1796503831689));
  g_assert_cmpuint (counter, ==, 0x0a0f);
  g_assert_true (site == good + 19);
  g_assert_false (sa_hlc_parse (NULL, NULL, NULL, NULL));

  for (guint i = 0; i < clocks->len; i++)
    {
      const char *clock = g_ptr_array_index (clocks, i);
      gboolean expected = strlen (clock) >= 19 && clock[13] == '-' && clock[18] == '-' &&
                          g_uuid_string_is_valid (clock + 19);

      for (guint j = 0; j < 13 && j < strlen (clock); j++)
        expected = expected && g_ascii_isdigit (clock[j]);
      for (guint j = 14; j < 18 && j < strlen (clock); j++)
        expected = expected && g_ascii_isxdigit (clock[j]) && !g_ascii_isupper (clock[j]);

      g_test_message ("%s", clock);
      g_assert_cmpint (sa_hlc_is_valid (clock), ==, expected);
      if (expected)
        {
          g_assert_true (sa_hlc_parse (clock, &wall, &counter, NULL));
          g_assert_cmpint (wall, ==, (gint64) g_ascii_strtoull (clock, NULL, 10));
          g_assert_cmpuint (counter, ==, (guint) g_ascii_strtoull (clock + 14, NULL, 16));
        }
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GString *names = user_data;

  g_string_append_printf (names, "%s;", pspec->name);
}

/* Each column tells of its own change, under its property's name, once. */
static void
test_notify (void)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GString) names = g_string_new (NULL);

  g_signal_connect (activity, "notify", G_CALLBACK (count_notify), names);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 24);
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, "5a5ae0a1-0000-4000-8000-000000000001");
  sa_record_set_null (activity, SA_ACTIVITY_ORGANIZATION_ID);
  g_assert_cmpstr (names->str, ==, "title;participants;organization-id;organization-id;");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/ids", test_ids);
  g_test_add_func ("/record/clocks", test_clocks);
  g_test_add_func ("/record/notify", test_notify);

  return g_test_run ();
}
