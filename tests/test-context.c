/* test-context.c: what the window's views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-context.h"
#include "site-fixture.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* One store, and the one undo stack, filter and settings every view takes from it. */
static void
test_parts (SiteFixture   *f,
            gconstpointer  data)
{
  g_autoptr(SaStore) store = site_fixture_open (f, "a");
  g_autoptr(SaContext) context = sa_context_new (store);
  g_autoptr(SaStore) got_store = NULL;
  g_autoptr(SaUndoStack) got_stack = NULL;

  g_object_get (context, "store", &got_store, "undo-stack", &got_stack, NULL);
  g_assert_true (got_store == store);
  g_assert_true (got_stack == sa_context_get_undo_stack (context));
  g_assert_true (sa_undo_stack_get_store (got_stack) == store);
  g_assert_true (sa_activity_filter_is_empty (sa_context_get_filter (context)));
  g_assert_true (G_IS_SETTINGS (sa_context_get_settings (context)));
}

/* The year-format preference becomes the format every view writes years in, and a
 * change of it is announced once, as the context's own property. */
static void
test_year_format (SiteFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(SaStore) store = site_fixture_open (f, "a");
  g_autoptr(SaContext) context = sa_context_new (store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *label = NULL;
  SaYearFormat format;
  guint notified = 0;

  g_signal_connect (context, "notify::year-format", G_CALLBACK (count_notify), &notified);
  g_assert_cmpint (sa_context_get_year_format (context), ==, SA_YEAR_FORMAT_FY);

  /* Another GSettings, as Preferences has, writes the key. */
  g_settings_set_string (settings, "year-format", "era-western");
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (context, "year-format", &format, NULL);
  g_assert_cmpint (format, ==, SA_YEAR_FORMAT_ERA_WESTERN);
  label = sa_context_dup_year_label (context, 2012);
  g_assert_cmpstr (label, ==, "平成24年度(2012)");
  g_settings_set_string (settings, "year-format", "western");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (sa_context_get_year_format (context), ==, SA_YEAR_FORMAT_FY);

  /* In Japanese, "western" is 2010年度 and "auto" writes eras. */
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_cmpint (sa_context_get_year_format (context), ==, SA_YEAR_FORMAT_WESTERN);
  g_free (label);
  label = sa_context_dup_year_label (context, 2012);
  g_assert_cmpstr (label, ==, "2012年度");
  g_settings_reset (settings, "year-format");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpint (sa_context_get_year_format (context), ==, SA_YEAR_FORMAT_ERA);
  g_free (label);
  label = sa_context_dup_year_label (context, 2012);
  g_assert_cmpstr (label, ==, "平成24年度");
  g_setenv ("LANGUAGE", "C", TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/context/" path, SiteFixture, NULL, site_fixture_setup, func, \
                                    site_fixture_teardown)
  ADD ("parts", test_parts);
  ADD ("year-format", test_year_format);

  return g_test_run ();
}
