/* bench-generate.c: the benchmarks' dataset
 *
 *   bench-generate PATH N
 *
 * Writes a new database at PATH: the sample plan (18 commitments), ten
 * organizations, twelve districts and N activities spread over fiscal years 2010 to
 * 2015, each advancing up to two commitments, written in the order of their dates
 * as staff enter them. The same N always gives the same records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "activity-fixture.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 0, 10000000, &n, NULL))
    {
      g_printerr ("Usage: bench-generate PATH N\n");
      return 2;
    }
  if (!(store = sa_store_create (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fixture_add_places (store);
  fixture_add_activities_by_date (store, (guint) n, 2012);
  return 0;
}
