/* sa-hlc.c: hybrid logical clocks
 *
 * A hybrid logical clock never goes backwards and stays close to the wall clock: a
 * site's next clock is past both its own wall clock and every clock it has seen. So a
 * PC whose clock runs slow still orders its edits after what it has imported, and one
 * whose clock runs fast cannot push the others' clocks further than it has itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-table.h"

#define WALL_DIGITS 13
#define COUNTER_DIGITS 4
#define COUNTER_MAX 0xffff

struct _SaHlc
{
  char   *site;
  gint64  wall;
  guint   counter;
  char   *last;
};

gboolean
sa_hlc_parse (const char  *text,
              gint64      *wall_ms,
              guint       *counter,
              const char **site)
{
  guint64 wall = 0;
  guint count = 0;

  if (text == NULL)
    return FALSE;
  /* Digit by digit: g_ascii_strtoull() and g_uuid_string_is_valid() cost several
   * times more, and an import reads a few clocks a row. A NUL stops each loop. */
  for (guint i = 0; i < WALL_DIGITS; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      wall = wall * 10 + (guint64) (text[i] - '0');
    }
  if (text[WALL_DIGITS] != '-')
    return FALSE;
  for (guint i = WALL_DIGITS + 1; i < WALL_DIGITS + 1 + COUNTER_DIGITS; i++)
    {
      if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
        return FALSE;
      count = count * 16 + (guint) (g_ascii_isdigit (text[i]) ? text[i] - '0' : text[i] - 'a' + 10);
    }
  if (text[WALL_DIGITS + 1 + COUNTER_DIGITS] != '-' ||
      !sa_id_is_valid (text + WALL_DIGITS + COUNTER_DIGITS + 2))
    return FALSE;

  if (wall_ms)
    *wall_ms = (gint64) wall;
  if (counter)
    *counter = count;
  if (site)
    *site = text + WALL_DIGITS + COUNTER_DIGITS + 2;
  return TRUE;
}

gboolean
sa_hlc_is_valid (const char *text)
{
  return sa_hlc_parse (text, NULL, NULL, NULL);
}

G_LOCK_DEFINE_STATIC (offset);
static gint64 offset_ms;

static void
read_offset (void)
{
  static gsize read = 0;

  if (g_once_init_enter (&read))
    {
      const char *text = g_getenv ("SASAEAI_CLOCK_OFFSET_MS");

      if (text != NULL)
        offset_ms = g_ascii_strtoll (text, NULL, 10);
      g_once_init_leave (&read, 1);
    }
}

/**
 * sa_hlc_now_ms:
 *
 * The wall clock every clock of this process starts from. Tests move it ahead to make
 * a second edit later than a first, rather than wait: in the process with
 * sa_hlc_advance_clock (), in a command with SASAEAI_CLOCK_OFFSET_MS.
 *
 * Returns: milliseconds since the epoch
 */
gint64
sa_hlc_now_ms (void)
{
  gint64 now;

  read_offset ();
  G_LOCK (offset);
  now = g_get_real_time () / 1000 + offset_ms;
  G_UNLOCK (offset);
  return now;
}

/**
 * sa_hlc_advance_clock:
 * @ms: how far, in milliseconds
 *
 * Moves this process's wall clock ahead, as time passing would.
 */
void
sa_hlc_advance_clock (gint64 ms)
{
  read_offset ();
  G_LOCK (offset);
  offset_ms += ms;
  G_UNLOCK (offset);
}

static void
update_last (SaHlc *hlc)
{
  g_free (hlc->last);
  hlc->last = g_strdup_printf ("%0" G_STRINGIFY (WALL_DIGITS) G_GINT64_MODIFIER "d-%04x-%s",
                               hlc->wall, hlc->counter, hlc->site);
}

/**
 * sa_hlc_new:
 * @site: this site's id
 * @last: (nullable): the last clock this site issued, as saved in the database
 *
 * Returns: (transfer full): a clock that continues after @last
 */
SaHlc *
sa_hlc_new (const char *site,
            const char *last)
{
  SaHlc *hlc;

  g_return_val_if_fail (g_uuid_string_is_valid (site), NULL);

  hlc = g_new0 (SaHlc, 1);
  hlc->site = g_strdup (site);
  if (!sa_hlc_parse (last, &hlc->wall, &hlc->counter, NULL))
    hlc->wall = 0, hlc->counter = 0;
  update_last (hlc);
  return hlc;
}

void
sa_hlc_free (SaHlc *hlc)
{
  if (hlc == NULL)
    return;
  g_free (hlc->site);
  g_free (hlc->last);
  g_free (hlc);
}

const char *
sa_hlc_get_last (SaHlc *hlc)
{
  return hlc->last;
}

/* Moves the clock to max(its wall, @wall) and counts up within one millisecond; a
 * counter that runs out borrows the next millisecond rather than wrap. */
static void
advance (SaHlc  *hlc,
         gint64  wall,
         guint   counter_seen)
{
  if (wall > hlc->wall)
    {
      hlc->wall = wall;
      hlc->counter = counter_seen;
    }
  else
    hlc->counter = MAX (hlc->counter, counter_seen);

  if (hlc->counter >= COUNTER_MAX)
    {
      hlc->wall++;
      hlc->counter = 0;
    }
  else
    hlc->counter++;
}

/**
 * sa_hlc_tick:
 * @hlc: a clock
 * @now_ms: the wall clock, in milliseconds since the epoch
 *
 * Returns: (transfer full): a new clock, greater than every clock issued or seen before
 */
char *
sa_hlc_tick (SaHlc  *hlc,
             gint64  now_ms)
{
  if (now_ms > hlc->wall)
    {
      hlc->wall = now_ms;
      hlc->counter = 0;
    }
  else
    advance (hlc, hlc->wall, 0);

  update_last (hlc);
  return g_strdup (hlc->last);
}

/**
 * sa_hlc_observe:
 * @hlc: a clock
 * @remote: a clock read from another site
 * @now_ms: the wall clock
 * @error: set when @remote is malformed or lies too far in the future
 *
 * Advances @hlc past @remote, so the next local edit orders after it. A clock more
 * than a day ahead of ours is refused: it would let one PC with a wrong date win every
 * later edit.
 */
gboolean
sa_hlc_observe (SaHlc       *hlc,
                const char  *remote,
                gint64       now_ms,
                GError     **error)
{
  gint64 wall;
  guint counter;

  if (!sa_hlc_parse (remote, &wall, &counter, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("“%s” is not a valid clock"),
                   remote ? remote : "");
      return FALSE;
    }

  if (wall > now_ms + SA_HLC_MAX_SKEW_MS)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (wall / 1000);
      g_autofree char *text = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");

      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("A change is dated %s UTC, more than a day ahead of this computer’s clock"),
                   text);
      return FALSE;
    }

  if (g_strcmp0 (remote, hlc->last) > 0)
    {
      advance (hlc, wall, counter);
      update_last (hlc);
    }
  return TRUE;
}
