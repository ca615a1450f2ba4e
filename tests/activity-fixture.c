/* activity-fixture.c: a plan with organizations, districts and many activities
 *
 * The sample plan, ten organizations, twelve districts, and activities made up from
 * a seeded random generator, so every run writes the same records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "activity-fixture.h"
#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-import.h"
#include "sa-organization.h"

static const struct { const char *name; const char *actor_kind; } organizations[] = {
  { "中川地域ケアプラザ", "care-plaza" },
  { "踊場地域ケアプラザ", "care-plaza" },
  { "新橋地域ケアプラザ", "care-plaza" },
  { "上飯田地域ケアプラザ", "care-plaza" },
  { "泉区社会福祉協議会", "welfare-council" },
  { "泉区役所", "ward-office" },
  { "いずみ中央地域ケアプラザ", "care-plaza" },
  { "下和泉地域ケアプラザ", "care-plaza" },
  { "中川地区社会福祉協議会", "community" },
  { "特別養護老人ホーム泉の郷", "institution" },
};

static const char * const districts[] = {
  "中川", "中田", "上飯田", "下飯田", "和泉", "新橋", "緑園", "岡津", "弥生台", "西が岡", "領家", "踊場",
};

static const char * const titles[] = {
  "ふれあいサロン", "子育てサロン「ひよこ」", "見守り訪問", "あいさつ運動", "ボランティア連絡会",
  "防災訓練", "健康体操教室", "地域ケア会議", "住民と協働で企画した夏祭り", "配食サービス",
  "認知症サポーター養成講座", "Café Orange", "男の料理教室", "福祉施設見学会", "民生委員定例会",
};

static const char * const places[] = {
  "地区センター", "町内会館", "ケアプラザ多目的ホール", "小学校体育館", NULL, "公園",
};

static const char * const notes[] = {
  NULL, NULL, "雨天のため屋内で実施", "次回は参加者の声を聞いて内容を見直す", NULL,
  "新しい参加者が3人あった", "Planned with the residents’ association",
};

char *
fixture_temp_db (const char *name)
{
  g_autofree char *template = g_strdup_printf ("sasaeai-%s-XXXXXX", name);
  g_autofree char *dir = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, "plan.db", NULL);
}

void
fixture_remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

static char *
actor_of_kind (SaStore    *store,
               const char *kind)
{
  g_autoptr(GPtrArray) actors = sa_store_list (store, &sa_actor_table, "kind", kind, NULL);

  g_assert_nonnull (actors);
  g_assert_cmpuint (actors->len, >, 0);
  return g_strdup (sa_record_get_id (g_ptr_array_index (actors, 0)));
}

/* The sample plan, organizations and districts. */
void
fixture_add_places (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  SaImportReport report;

  g_assert_true (sa_import_sample (store, &report, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
      g_autofree char *actor_id = actor_of_kind (store, organizations[i].actor_kind);

      sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, actor_id);
      sa_record_set_text (org, SA_ORGANIZATION_NAME, organizations[i].name);
      g_assert_true (sa_store_insert (store, org, &error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());

      sa_record_set_text (district, SA_DISTRICT_NAME, districts[i]);
      sa_record_set_int (district, SA_DISTRICT_POSITION, i);
      g_assert_true (sa_store_insert (store, district, &error));
    }
  g_assert_no_error (error);
}

char *
fixture_organization_id (SaStore    *store,
                         const char *name)
{
  return sa_store_lookup_id (store, &sa_organization_table, "name", name, NULL);
}

char *
fixture_district_id (SaStore    *store,
                     const char *name)
{
  return sa_store_lookup_id (store, &sa_district_table, "name", name, NULL);
}

static GPtrArray *
ids_of (SaStore       *store,
        const SaTable *table)
{
  g_autoptr(GPtrArray) records = sa_store_list (store, table, NULL, NULL, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (ids, g_strdup (sa_record_get_id (g_ptr_array_index (records, i))));
  return ids;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* @n activities from FY2010 to FY2015, in one transaction; needs fixture_add_places().
 * With @by_date, they are written in the order of their dates, as staff enter them. */
static void
add_activities (SaStore  *store,
                guint     n,
                guint32   seed,
                gboolean  by_date)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) days = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  g_autoptr(GPtrArray) org_ids = ids_of (store, &sa_organization_table);
  g_autoptr(GPtrArray) district_ids = ids_of (store, &sa_district_table);
  g_autoptr(GPtrArray) commitment_ids = ids_of (store, &sa_commitment_table);
  g_autoptr(GError) error = NULL;
  GDate first;

  g_date_set_dmy (&first, 1, G_DATE_APRIL, 2010);
  for (guint i = 0; i < n; i++)
    {
      int day = g_rand_int_range (rand, 0, 6 * 365);
      g_array_append_val (days, day);
    }
  if (by_date)
    g_array_sort (days, compare_days);
  g_assert_true (sa_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
      const char *links[3] = { NULL, NULL, NULL };
      GDate date = first;
      char iso[11];
      guint n_links = g_rand_int_range (rand, 0, 3);

      g_date_add_days (&date, g_array_index (days, int, i));
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      sa_record_set_text (activity, SA_ACTIVITY_DATE, iso);
      sa_record_set_text (activity, SA_ACTIVITY_TITLE, PICK (rand, titles));
      sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID,
                          g_ptr_array_index (org_ids, g_rand_int_range (rand, 0, org_ids->len)));
      if (g_rand_boolean (rand))
        sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID,
                            g_ptr_array_index (district_ids, g_rand_int_range (rand, 0, district_ids->len)));
      sa_record_set_text (activity, SA_ACTIVITY_PLACE, PICK (rand, places));
      sa_record_set_text (activity, SA_ACTIVITY_NOTES, PICK (rand, notes));
      sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, g_rand_int_range (rand, 0, 80));
      sa_record_set_int (activity, SA_ACTIVITY_VOLUNTEERS, g_rand_int_range (rand, 0, 15));
      for (guint j = 0; j < n_links; j++)
        links[j] = g_ptr_array_index (commitment_ids, g_rand_int_range (rand, 0, commitment_ids->len));
      if (n_links == 2 && g_strcmp0 (links[0], links[1]) == 0)
        links[1] = NULL;

      g_assert_true (sa_store_add_activity (store, activity, links, &error));
    }
  g_assert_true (sa_store_commit (store, &error));
  g_assert_no_error (error);
}

void
fixture_add_activities (SaStore *store,
                        guint    n,
                        guint32  seed)
{
  add_activities (store, n, seed, FALSE);
}

void
fixture_add_activities_by_date (SaStore *store,
                                guint    n,
                                guint32  seed)
{
  add_activities (store, n, seed, TRUE);
}
