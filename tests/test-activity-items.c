/* test-activity-items.c: loading the activity log's items, and searching them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "activity-fixture.h"
#include "sa-activity-item.h"
#include "sa-activity-link.h"
#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-district.h"
#include "sa-goal.h"
#include "sa-organization.h"
#include "sa-store-deleted.h"
#include "sa-store-activity-items.h"
#include "sa-sync-file.h"

typedef struct
{
  char      *path;
  SaStore   *store;
  GPtrArray *commitments; /* of SaRecord, in the plan's order */
} Fixture;

/* The sample plan has one section: its goals by number, each goal's commitments by
 * position. */
static GPtrArray *
plan_commitments (SaStore *store)
{
  g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, NULL, NULL, NULL);
  GPtrArray *commitments = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < goals->len; i++)
    {
      g_autoptr(GPtrArray) of_goal = sa_store_list (store, &sa_commitment_table, "goal_id",
                                                    sa_record_get_id (g_ptr_array_index (goals, i)), NULL);
      for (guint j = 0; j < of_goal->len; j++)
        g_ptr_array_add (commitments, g_object_ref (g_ptr_array_index (of_goal, j)));
    }
  return commitments;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = fixture_temp_db ("items");
  fixture->store = sa_store_create (fixture->path, &error);
  g_assert_no_error (error);
  fixture_add_places (fixture->store);
  fixture->commitments = plan_commitments (fixture->store);
  g_assert_cmpuint (fixture->commitments->len, ==, 18);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->commitments);
  g_assert_finalize_object (fixture->store);
  fixture_remove_db (fixture->path);
  g_free (fixture->path);
}

static const char *
commitment_id (Fixture *fixture,
               guint    index)
{
  return sa_record_get_id (g_ptr_array_index (fixture->commitments, index));
}

static char *
add_activity (Fixture            *fixture,
              const char         *date,
              const char         *title,
              const char         *organization,
              const char         *district,
              const char         *notes,
              const char * const *links)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *org_id = organization ? fixture_organization_id (fixture->store, organization) : NULL;
  g_autofree char *district_id = district ? fixture_district_id (fixture->store, district) : NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, org_id);
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  sa_record_set_text (activity, SA_ACTIVITY_NOTES, notes);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 25);
  sa_record_set_int (activity, SA_ACTIVITY_VOLUNTEERS, 4);
  g_assert_true (sa_store_add_activity (fixture->store, activity, links, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (activity));
}

static SaActivityItem *
find_item (GListModel *items,
           const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SaActivityItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (sa_activity_item_get_id (item), id))
        return item;
    }
  return NULL;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = sa_store_load_activity_items (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (items) == SA_TYPE_ACTIVITY_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  /* Linked out of the plan's order, and the second link deleted again. */
  const char *links[] = { commitment_id (fixture, 7), commitment_id (fixture, 2), NULL };
  g_autofree char *salon = add_activity (fixture, "2012-05-20", "ふれあいサロン", "中川地域ケアプラザ",
                                         "和泉", "住民と協働で企画した", links);
  g_autofree char *bare = add_activity (fixture, "2012-03-31", "Volunteer meeting", NULL, NULL, NULL, NULL);
  g_autofree char *gone = add_activity (fixture, "2012-06-01", "Deleted", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  SaActivityItem *item;
  const char * const *ids;

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_activity_table, gone, TRUE, &error));
  items = sa_store_load_activity_items (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_null (find_item (items, gone));

  item = find_item (items, salon);
  g_assert_nonnull (item);
  g_assert_cmpstr (sa_activity_item_get_date (item), ==, "2012-05-20");
  g_assert_cmpuint (sa_activity_item_get_day (item), ==, 20120520);
  g_assert_cmpint (sa_activity_item_get_fiscal_year (item), ==, 2012);
  g_assert_null (sa_activity_item_get_time (item));
  g_assert_cmpstr (sa_activity_item_get_title (item), ==, "ふれあいサロン");
  g_assert_cmpstr (sa_activity_item_get_organization_name (item), ==, "中川地域ケアプラザ");
  g_assert_cmpstr (sa_activity_item_get_district_name (item), ==, "和泉");
  g_assert_cmpint (sa_activity_item_get_district_position (item), ==, 4);
  g_assert_cmpuint (sa_activity_item_get_participants (item), ==, 25);
  g_assert_cmpuint (sa_activity_item_get_volunteers (item), ==, 4);
  g_assert_cmpstr (sa_activity_item_get_notes (item), ==, "住民と協働で企画した");
  g_assert_null (sa_activity_item_get_place (item));

  /* Commitments come in the plan's order, whatever order they were linked in. */
  ids = sa_activity_item_get_commitment_ids (item);
  g_assert_cmpuint (sa_activity_item_get_n_commitments (item), ==, 2);
  g_assert_cmpstr (ids[0], ==, commitment_id (fixture, 2));
  g_assert_cmpstr (ids[1], ==, commitment_id (fixture, 7));
  g_assert_null (ids[2]);
  g_assert_cmpuint (sa_activity_item_get_commitment_rank (item), ==, 3);
  g_assert_true (sa_activity_item_has_commitment (item, commitment_id (fixture, 7)));
  g_assert_false (sa_activity_item_has_commitment (item, commitment_id (fixture, 3)));

  /* 31 March belongs to the fiscal year before; no organization, district or links. */
  item = find_item (items, bare);
  g_assert_cmpint (sa_activity_item_get_fiscal_year (item), ==, 2011);
  g_assert_null (sa_activity_item_get_organization_id (item));
  g_assert_null (sa_activity_item_get_district_name (item));
  g_assert_cmpint (sa_activity_item_get_district_position (item), ==, G_MAXINT);
  g_assert_cmpuint (sa_activity_item_get_n_commitments (item), ==, 0);
  g_assert_null (sa_activity_item_get_commitment_ids (item)[0]);
  g_assert_cmpuint (sa_activity_item_get_commitment_rank (item), ==, G_MAXUINT);
}

/* A deleted organization or district keeps its name in the log, marked, and the
 * log's filters still offer it while records name it. */
static void
test_deleted_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *salon = add_activity (fixture, "2012-05-20", "ふれあいサロン", "中川地域ケアプラザ",
                                         "和泉", NULL, NULL);
  g_autofree char *org_id = fixture_organization_id (fixture->store, "中川地域ケアプラザ");
  g_autofree char *district_id = fixture_district_id (fixture->store, "和泉");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  SaActivityItem *item;
  gboolean found = FALSE;

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_organization_table, org_id, TRUE, &error));
  g_assert_true (sa_store_set_deleted (fixture->store, &sa_district_table, district_id, TRUE, &error));
  items = sa_store_load_activity_items (fixture->store, &error);
  g_assert_no_error (error);
  item = find_item (items, salon);
  g_assert_cmpstr (sa_activity_item_get_organization_name (item), ==, "中川地域ケアプラザ (deleted)");
  g_assert_cmpstr (sa_activity_item_get_district_name (item), ==, "和泉 (deleted)");
  g_assert_cmpstr (sa_activity_item_get_organization_id (item), ==, org_id);

  offered = sa_store_list_in_use (fixture->store, &sa_organization_table, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < offered->len; i++)
    if (g_str_equal (sa_record_get_id (g_ptr_array_index (offered, i)), org_id))
      {
        g_autofree char *name = sa_record_dup_display_name (g_ptr_array_index (offered, i));
        g_assert_cmpstr (name, ==, "中川地域ケアプラザ (deleted)");
        found = TRUE;
      }
  g_assert_true (found);

  /* Once no record names it, the filters no longer offer it. */
  g_assert_true (sa_store_set_deleted (fixture->store, &sa_activity_table, salon, TRUE, &error));
  g_clear_pointer (&offered, g_ptr_array_unref);
  offered = sa_store_list_in_use (fixture->store, &sa_organization_table, &error);
  for (guint i = 0; i < offered->len; i++)
    g_assert_cmpstr (sa_record_get_id (g_ptr_array_index (offered, i)), !=, org_id);
}

static void
test_links_out_of_plan (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *links[] = { commitment_id (fixture, 0), commitment_id (fixture, 1), NULL };
  const char *one[] = { commitment_id (fixture, 1), NULL };
  g_autofree char *id = add_activity (fixture, "2012-05-20", "サロン", NULL, NULL, NULL, links);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaActivityItem) item = NULL;

  /* A deleted link, and a link to a deleted commitment, are not shown. */
  g_assert_true (sa_store_set_activity_commitments (fixture->store, id, one, &error));
  item = sa_store_load_activity_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_activity_item_get_n_commitments (item), ==, 1);
  g_clear_object (&item);

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_commitment_table, commitment_id (fixture, 1),
                                       TRUE, &error));
  item = sa_store_load_activity_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_activity_item_get_n_commitments (item), ==, 0);
}

static void
test_load_one (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "2013-01-10", "あいさつ運動", "泉区役所", "中田", NULL, NULL);
  g_autoptr(SaActivityItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = sa_store_load_activity_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_activity_item_get_id (item), ==, id);
  g_assert_cmpstr (sa_activity_item_get_title (item), ==, "あいさつ運動");
  g_assert_cmpstr (sa_activity_item_get_organization_name (item), ==, "泉区役所");
  g_assert_true (sa_activity_item_matches (item, (const char *[]) { "区役所", NULL }));
  g_clear_object (&item);

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_activity_table, id, TRUE, &error));
  g_assert_null (sa_store_load_activity_item (fixture->store, id, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (sa_store_load_activity_item (fixture->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
}

static gboolean
item_matches (SaActivityItem *item,
              const char     *search)
{
  g_auto(GStrv) words = sa_search_words (search);

  return sa_activity_item_matches (item, (const char * const *) words);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "2012-05-20", "ふれあいサロン Café", "新橋地域ケアプラザ", NULL,
                                      "住民と協働で企画した", NULL);
  g_autoptr(SaActivityItem) item = sa_store_load_activity_item (fixture->store, id, NULL);

  /* Any substring, Japanese words of two characters included. */
  g_assert_true (item_matches (item, "協働"));
  g_assert_true (item_matches (item, "サロン"));
  g_assert_true (item_matches (item, "あいサ"));
  g_assert_true (item_matches (item, "新橋"));
  g_assert_true (item_matches (item, "café"));
  g_assert_true (item_matches (item, "CAFÉ"));
  /* Full-width letters, a full-width space between words, half-width katakana. */
  g_assert_true (item_matches (item, "ＣＡＦÉ"));
  g_assert_true (item_matches (item, "サロン　協働"));
  g_assert_true (item_matches (item, "ｻﾛﾝ"));
  g_assert_true (item_matches (item, ""));
  g_assert_true (item_matches (item, "  "));
  g_assert_false (item_matches (item, "協働 見守り"));
  g_assert_false (item_matches (item, "見守り"));
  /* No word spans two fields. */
  g_assert_false (item_matches (item, "café住民"));
}

static void
set_place (Fixture    *fixture,
           const char *id,
           const char *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = sa_store_get (fixture->store, &sa_activity_table, id, &error);

  g_assert_no_error (error);
  sa_record_set_text (activity, SA_ACTIVITY_PLACE, place);
  g_assert_true (sa_store_update (fixture->store, activity, &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of the items that @text finds, sorted and joined with spaces. */
static char *
found_ids (GListModel *items,
           const char *text)
{
  g_auto(GStrv) words = sa_search_words (text);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SaActivityItem) item = g_list_model_get_item (items, i);

      if (sa_activity_item_matches (item, (const char * const *) words))
        g_ptr_array_add (found, (gpointer) sa_activity_item_get_id (item));
    }
  g_ptr_array_sort (found, compare_strings);
  g_ptr_array_add (found, NULL);
  return g_strjoinv (" ", (char **) found->pdata);
}

static char *
joined_ids (const char *a,
            const char *b,
            const char *c)
{
  const char *ids[] = { a, b, c };
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != NULL)
      g_ptr_array_add (sorted, (gpointer) ids[i]);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (" ", (char **) sorted->pdata);
}

#define ASSERT_FINDS(items, text, a, b, c) G_STMT_START { \
    g_autofree char *found_ = found_ids (items, text); \
    g_autofree char *expected_ = joined_ids (a, b, c); \
    g_assert_cmpstr (found_, ==, expected_); \
  } G_STMT_END

/* The log loads every item at once, sharing their texts and folding their search
 * keys one after another: each item still finds its own words, in its notes, place
 * and organization's name, in another case or width, and no other item's. */
static void
test_search_loaded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *rainy = add_activity (fixture, "2012-05-20", "ふれあいサロン", "新橋地域ケアプラザ", NULL,
                                         "Held Indoors for the rain", NULL);
  g_autofree char *again = add_activity (fixture, "2012-05-27", "ふれあいサロン", "新橋地域ケアプラザ", NULL,
                                         "Held Indoors for the rain", NULL);
  g_autofree char *planned = add_activity (fixture, "2012-06-03", "Volunteer meeting", "中川地域ケアプラザ", NULL,
                                           "住民と協働で企画した。会場の下見、備品の確認、送迎の手配、"
                                           "チラシの配布、当日の受付と片付けまで、"
                                           "地域の皆さんと一緒に準備を進めた長い備考", NULL);
  g_autofree char *bare = add_activity (fixture, "2012-06-10", "見守り", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  set_place (fixture, again, "Midori Hall");
  set_place (fixture, planned, "公園");
  items = sa_store_load_activity_items (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 4);

  /* Notes, shared by two items, in capitals and in full-width letters. */
  ASSERT_FINDS (items, "indoors", rainy, again, NULL);
  ASSERT_FINDS (items, "ＩＮＤＯＯＲＳ　ＲＡＩＮ", rainy, again, NULL);
  ASSERT_FINDS (items, "備考", planned, NULL, NULL);
  ASSERT_FINDS (items, "協働", planned, NULL, NULL);
  /* Places. */
  ASSERT_FINDS (items, "MIDORI", again, NULL, NULL);
  ASSERT_FINDS (items, "ｈａｌｌ", again, NULL, NULL);
  ASSERT_FINDS (items, "公園", planned, NULL, NULL);
  /* Organizations' names, in hiragana and in half-width katakana. */
  ASSERT_FINDS (items, "けあぷらざ", rainy, again, planned);
  ASSERT_FINDS (items, "中川 ｹｱﾌﾟﾗｻﾞ", planned, NULL, NULL);
  /* Titles; the item without notes, place or organization has its title alone. */
  ASSERT_FINDS (items, "見守り", bare, NULL, NULL);
  ASSERT_FINDS (items, "volunteer", planned, NULL, NULL);
  ASSERT_FINDS (items, "rain 中川", NULL, NULL, NULL);
}

/* Items loaded at once share the lists of commitments that are the same; each
 * still lists its own, in the plan's order, lists that begin alike included. */
static void
test_loaded_commitments (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *late_first[] = { commitment_id (fixture, 7), commitment_id (fixture, 2), NULL };
  const char *early_first[] = { commitment_id (fixture, 2), commitment_id (fixture, 7), NULL };
  const char *early[] = { commitment_id (fixture, 2), NULL };
  const char *late[] = { commitment_id (fixture, 7), NULL };
  const char *none[] = { NULL };
  const char * const *links[] = { late_first, early_first, early, late, none };
  const char * const *expected[] = { early_first, early_first, early, late, none };
  const guint ranks[] = { 3, 3, 3, 8, G_MAXUINT };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    g_ptr_array_add (ids, add_activity (fixture, "2012-05-20", "Salon", NULL, NULL, NULL, links[i]));
  items = sa_store_load_activity_items (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      SaActivityItem *item = find_item (items, g_ptr_array_index (ids, i));
      g_autofree char *listed = g_strjoinv (" ", (char **) sa_activity_item_get_commitment_ids (item));
      g_autofree char *wanted = g_strjoinv (" ", (char **) expected[i]);

      g_assert_cmpstr (listed, ==, wanted);
      g_assert_cmpuint (sa_activity_item_get_n_commitments (item), ==, g_strv_length ((char **) expected[i]));
      g_assert_cmpuint (sa_activity_item_get_commitment_rank (item), ==, ranks[i]);
    }
}

/* Hiragana and katakana find each other, in every width: さろん finds サロン, and
 * フレアイ finds ふれあい. */
static void
test_search_kana (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "2012-05-20", "ふれあいサロン", "新橋地域ケアプラザ", NULL,
                                      "ミドリ会館で ゔぁいおりん", NULL);
  g_autoptr(SaActivityItem) item = sa_store_load_activity_item (fixture->store, id, NULL);

  g_assert_true (item_matches (item, "さろん"));
  g_assert_true (item_matches (item, "フレアイ"));
  g_assert_true (item_matches (item, "ふれあいさろん"));
  g_assert_true (item_matches (item, "ﾌﾚｱｲｻﾛﾝ"));
  g_assert_true (item_matches (item, "みどり"));
  g_assert_true (item_matches (item, "けあぷらざ"));
  g_assert_true (item_matches (item, "ヴァイオリン"));
  g_assert_false (item_matches (item, "さろお"));
  /* The prolonged sound mark and the kanji are not kana to fold. */
  g_assert_false (item_matches (item, "さろーん"));
}

/* Katakana as hiragana, written out character by character: the reference for
 * the in-place folding. */
static char *
hiragana (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
    }
  return g_string_free (out, FALSE);
}

/* Folding one character at a time must give what the general path gives. */
static void
test_fold_matches_general (void)
{
  for (gunichar c = 0x20; c < 0x10000; c++)
    {
      char text[8] = { 0 };
      g_autofree char *normalized = NULL;
      g_autofree char *casefolded = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *folded = NULL;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, text);
      normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
      casefolded = g_utf8_casefold (normalized, -1);
      expected = hiragana (casefolded);
      folded = sa_search_fold (text);
      if (g_strcmp0 (folded, expected) != 0)
        g_error ("U+%04X folds to “%s”, not “%s”", c, folded, expected);
    }
  {
    g_autofree char *folded = sa_search_fold ("ｶﾞｲﾄﾞ Ｓａｌｏｎ　２５人 ÀB");
    g_assert_cmpstr (folded, ==, "がいど salon 25人 àb");
  }
}

static void
test_words (void)
{
  g_auto(GStrv) none = sa_search_words ("　 ");
  g_auto(GStrv) words = sa_search_words ("  Salon　協働 ");

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "salon");
  g_assert_cmpstr (words[1], ==, "協働");
}

static void
test_compare_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = add_activity (fixture, "2012-05-20", "apple", NULL, NULL, NULL, NULL);
  g_autofree char *b = add_activity (fixture, "2012-05-20", "Banana", NULL, NULL, NULL, NULL);
  g_autofree char *ab = add_activity (fixture, "2012-05-20", "app", NULL, NULL, "zzz", NULL);
  g_autoptr(SaActivityItem) item_a = sa_store_load_activity_item (fixture->store, a, NULL);
  g_autoptr(SaActivityItem) item_b = sa_store_load_activity_item (fixture->store, b, NULL);
  g_autoptr(SaActivityItem) item_ab = sa_store_load_activity_item (fixture->store, ab, NULL);

  /* Case does not count, and a shorter title comes first whatever follows it. */
  g_assert_cmpint (sa_activity_item_compare_title (item_a, item_b), <, 0);
  g_assert_cmpint (sa_activity_item_compare_title (item_b, item_a), >, 0);
  g_assert_cmpint (sa_activity_item_compare_title (item_ab, item_a), <, 0);
  g_assert_cmpint (sa_activity_item_compare_title (item_a, item_a), ==, 0);
}

static void
test_plan_commitments (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = sa_store_list_plan_commitments (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, fixture->commitments->len);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpstr (sa_record_get_id (g_ptr_array_index (listed, i)), ==, commitment_id (fixture, i));
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_commitment_table, commitment_id (fixture, 0), TRUE, &error));
  listed = sa_store_list_plan_commitments (fixture->store, &error);
  g_assert_cmpuint (listed->len, ==, fixture->commitments->len - 1);
  g_assert_cmpstr (sa_record_get_id (g_ptr_array_index (listed, 0)), ==, commitment_id (fixture, 1));
}

/* What one handler of SaStore::changed was told, an entry per emission:
 * "table: id id …", or "table: all" when the rows are not named. */
static void
on_changed (SaStore            *store,
            const char         *table,
            const char * const *ids,
            GPtrArray          *told)
{
  g_autofree char *named = ids != NULL ? g_strjoinv (" ", (char **) ids) : g_strdup ("all");

  g_ptr_array_add (told, g_strdup_printf ("%s: %s", table, named));
}

/* What @told says of @table, which it names once. */
static const char *
told_about (GPtrArray  *told,
            const char *table)
{
  g_autofree char *prefix = g_strconcat (table, ": ", NULL);
  const char *found = NULL;

  for (guint i = 0; i < told->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (told, i), prefix))
      {
        g_assert_null (found);
        found = (const char *) g_ptr_array_index (told, i) + strlen (prefix);
      }
  return found;
}

static void
set_participants (SaStore    *store,
                  const char *id,
                  gint64      participants)
{
  g_autoptr(SaRecord) edited = sa_store_get (store, &sa_activity_table, id, NULL);
  g_autoptr(GError) error = NULL;

  sa_record_set_int (edited, SA_ACTIVITY_PARTICIPANTS, participants);
  g_assert_true (sa_store_update (store, edited, &error));
  g_assert_no_error (error);
}

/* SaStore::changed names the rows each transaction wrote, or none when they are
 * many or written by another connection. */
static void
test_changed_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  const char *links[] = { commitment_id (fixture, 4), NULL };
  g_autofree char *before = add_activity (fixture, "2012-05-20", "見守り訪問", NULL, NULL, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *link_id = NULL;
  g_autofree char *both = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) other = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), told);

  /* Adding with links names the activity, and its link by the link's id. */
  id = add_activity (fixture, "2012-05-20", "サロン", NULL, NULL, NULL, links);
  link_id = sa_activity_link_make_id (id, commitment_id (fixture, 4));
  g_assert_cmpuint (told->len, ==, 2);
  g_assert_cmpstr (told_about (told, "activity"), ==, id);
  g_assert_cmpstr (told_about (told, "activity_commitment"), ==, link_id);
  g_ptr_array_set_size (told, 0);

  /* An edit names its activity alone; the rows of the last transaction are not
   * named again. Unlinking names the link alone. */
  set_participants (fixture->store, before, 9);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (told_about (told, "activity"), ==, before);
  g_ptr_array_set_size (told, 0);
  g_assert_true (sa_store_set_activity_commitments (fixture->store, id, (const char *[]) { NULL }, &error));
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (told_about (told, "activity_commitment"), ==, link_id);
  g_ptr_array_set_size (told, 0);

  /* One transaction writing two rows three times names each once, sorted. */
  g_assert_true (sa_store_begin (fixture->store, &error));
  set_participants (fixture->store, id, 1);
  set_participants (fixture->store, before, 2);
  set_participants (fixture->store, id, 3);
  g_assert_true (sa_store_commit (fixture->store, &error));
  both = strcmp (id, before) < 0 ? g_strjoin (" ", id, before, NULL) : g_strjoin (" ", before, id, NULL);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (told_about (told, "activity"), ==, both);
  g_ptr_array_set_size (told, 0);

  /* More rows than the store lists are not named: reading all again is faster. */
  fixture_add_activities (fixture->store, SA_STORE_MAX_CHANGED_IDS + 1, 1);
  g_assert_cmpstr (told_about (told, "activity"), ==, "all");
  g_ptr_array_set_size (told, 0);

  /* Nor is what another connection wrote, which the store reports after the fact. */
  other = sa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  set_participants (other, id, 30);
  g_assert_true (sa_store_refresh (fixture->store));
  g_assert_cmpstr (told_about (told, "activity"), ==, "all");
  g_assert_cmpstr (told_about (told, "activity_commitment"), ==, "all");
  g_ptr_array_set_size (told, 0);
  g_clear_object (&other);

  /* And afterwards, own writes are named again. */
  g_assert_true (sa_store_set_deleted (fixture->store, &sa_activity_table, id, TRUE, &error));
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (told_about (told, "activity"), ==, id);

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, told);
}

/* Another part of the program that writes when activities change: a handler's
 * transaction runs while the store is still telling the others. */
static void
write_district (SaStore            *store,
                const char         *table,
                const char * const *ids,
                gpointer            data)
{
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (table, "activity"))
    return;
  sa_record_set_text (district, SA_DISTRICT_NAME, "瀬谷");
  g_assert_true (sa_store_insert (store, district, &error));
  g_assert_no_error (error);
}

/* A handler connected before another part of the program subscribed, and one
 * connected after it (to run last, at that), are told the same rows. */
static void
test_changed_ids_any_order (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) last = g_ptr_array_new_with_free_func (g_free);
  const char *links[] = { commitment_id (fixture, 4), commitment_id (fixture, 7), NULL };
  g_autofree char *id = NULL;
  g_autofree char *link_ids = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), first);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (write_district), NULL);
  g_signal_connect_after (fixture->store, "changed", G_CALLBACK (on_changed), last);

  id = add_activity (fixture, "2012-05-20", "サロン", NULL, NULL, NULL, links);
  {
    g_autofree char *a = sa_activity_link_make_id (id, links[0]);
    g_autofree char *b = sa_activity_link_make_id (id, links[1]);

    link_ids = strcmp (a, b) < 0 ? g_strjoin (" ", a, b, NULL) : g_strjoin (" ", b, a, NULL);
  }
  g_assert_cmpstr (told_about (first, "activity"), ==, id);
  g_assert_cmpstr (told_about (first, "activity_commitment"), ==, link_ids);
  g_assert_nonnull (told_about (first, "district"));
  g_assert_cmpuint (first->len, ==, 3);

  /* The district's transaction, inside the activity's telling, comes to the last
   * handler first: the same things, in another order. */
  g_ptr_array_sort (first, compare_strings);
  g_ptr_array_sort (last, compare_strings);
  g_assert_cmpuint (last->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (last, i), ==, g_ptr_array_index (first, i));

  g_signal_handlers_disconnect_by_data (fixture->store, first);
  g_signal_handlers_disconnect_by_data (fixture->store, last);
  g_signal_handlers_disconnect_by_func (fixture->store, write_district, NULL);
}

static void
import_file (SaStore *store,
             GFile   *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, &error);
  g_auto(SaImportReport) report = { 0, };

  g_assert_no_error (error);
  g_assert_true (sa_sync_file_import (contents, store, FALSE, &report, &error));
  g_assert_no_error (error);
}

/* A sync import of a few activities names them; one of thousands names none, so
 * the log reads everything again and the store keeps no list as long as the file. */
static void
test_changed_ids_import (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *other_path = fixture_temp_db ("items-other");
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) other = sa_store_create (other_path, &error);
  g_autofree char *file_path = g_strconcat (other_path, ".sasaeai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());

  g_assert_no_error (error);
  fixture_add_places (other);
  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "子育てサロン");
  g_assert_true (sa_store_add_activity (other, activity, NULL, &error));
  g_assert_true (sa_sync_file_export (other, file, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), told);

  import_file (fixture->store, file);
  g_assert_cmpstr (told_about (told, "activity"), ==, sa_record_get_id (activity));
  g_ptr_array_set_size (told, 0);

  fixture_add_activities (other, 1500, 3);
  g_assert_true (sa_sync_file_export (other, file, NULL, &error));
  import_file (fixture->store, file);
  g_assert_cmpstr (told_about (told, "activity"), ==, "all");
  g_assert_cmpstr (told_about (told, "activity_commitment"), ==, "all");

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, told);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_remove (file_path);
  fixture_remove_db (other_path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/activity-items/empty", test_empty);
  ADD ("/activity-items/fields", test_fields);
  ADD ("/activity-items/deleted-names", test_deleted_names);
  ADD ("/activity-items/links-out-of-plan", test_links_out_of_plan);
  ADD ("/activity-items/load-one", test_load_one);
  ADD ("/activity-items/search", test_search);
  ADD ("/activity-items/search-kana", test_search_kana);
  ADD ("/activity-items/search-loaded", test_search_loaded);
  ADD ("/activity-items/loaded-commitments", test_loaded_commitments);
  ADD ("/activity-items/compare-title", test_compare_title);
  ADD ("/activity-items/plan-commitments", test_plan_commitments);
  ADD ("/activity-items/changed-ids", test_changed_ids);
  ADD ("/activity-items/changed-ids-any-order", test_changed_ids_any_order);
  ADD ("/activity-items/changed-ids-import", test_changed_ids_import);
#undef ADD
  g_test_add_func ("/activity-items/fold", test_fold_matches_general);
  g_test_add_func ("/activity-items/words", test_words);

  return g_test_run ();
}
