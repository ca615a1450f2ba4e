/* sa-print-font.c: which typeface printed pages get, and saying so
 *
 * A typeface asked for but not installed must not be replaced silently by
 * whatever fontconfig finds: the pages fall back to the next of UD Gothic, Noto
 * Sans CJK and the system's sans-serif, and the CLI and the print dialog name the
 * one used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sa-print-font.h"
#include "sa-render-private.h"

static const char * const nicks[] = { "ud", "noto", "system" };

/* The family each typeface is known by; the system's has none of its own. */
static const char * const names[] = { "BIZ UDPGothic", "Noto Sans CJK JP", NULL };

/* Fontconfig names a family in the language of the locale where the font has a
 * name for it: BIZ UDPGothic is 「BIZ UDPゴシック」 in Japanese. */
static const char * const local_names[] = { "BIZ UDPゴシック", NULL, NULL };

/**
 * sa_print_font_from_nick:
 * @nick: ud, noto or system, in any case
 * @font: (out): the typeface
 *
 * Returns: whether @nick names a typeface
 */
gboolean
sa_print_font_from_nick (const char  *nick,
                         SaPrintFont *font)
{
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (nick != NULL && g_ascii_strcasecmp (nick, nicks[i]) == 0)
      {
        *font = (SaPrintFont) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sa_print_font_get_nick (SaPrintFont font)
{
  g_return_val_if_fail (font <= SA_PRINT_FONT_SYSTEM, NULL);

  return nicks[font];
}

/**
 * sa_print_font_is_installed:
 * @font: a typeface
 *
 * Returns: whether fontconfig, through Pango, knows the typeface's family; the
 *   system's sans-serif always is
 */
gboolean
sa_print_font_is_installed (SaPrintFont font)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **list = NULL;
  int n = 0;

  g_return_val_if_fail (font <= SA_PRINT_FONT_SYSTEM, FALSE);

  if (names[font] == NULL)
    return TRUE;
  pango_font_map_list_families (map, &list, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (list[i]), names[font]) == 0 ||
        g_strcmp0 (pango_font_family_get_name (list[i]), local_names[font]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * sa_print_font_resolve:
 * @font: the typeface asked for
 *
 * Returns: @font when it is installed, or the next installed one after it: UD
 *   Gothic, then Noto Sans CJK, then the system's
 */
SaPrintFont
sa_print_font_resolve (SaPrintFont font)
{
  g_return_val_if_fail (font <= SA_PRINT_FONT_SYSTEM, SA_PRINT_FONT_SYSTEM);

  while (font < SA_PRINT_FONT_SYSTEM && !sa_print_font_is_installed (font))
    font++;
  return font;
}

/* The family fontconfig gives Japanese text in the system's sans-serif. */
static char *
system_family (void)
{
  PangoContext *context = _sa_render_context_new ();
  PangoFontDescription *description = pango_font_description_from_string ("Sans 11");
  PangoFont *loaded = pango_context_load_font (context, description);
  PangoFontDescription *found = loaded ? pango_font_describe (loaded) : NULL;
  char *family = g_strdup (found && pango_font_description_get_family (found)
                           ? pango_font_description_get_family (found) : "Sans");

  g_clear_pointer (&found, pango_font_description_free);
  g_clear_object (&loaded);
  pango_font_description_free (description);
  g_object_unref (context);
  return family;
}

static char *
family_of (SaPrintFont font)
{
  return names[font] ? g_strdup (names[font]) : system_family ();
}

/**
 * sa_print_font_describe:
 * @font: the typeface asked for
 *
 * Returns: (transfer full): the family pages asking for @font are printed in, and
 *   when that is a fallback, which one was missing, such as "Noto Sans CJK JP
 *   (BIZ UDPGothic is not installed)"
 */
char *
sa_print_font_describe (SaPrintFont font)
{
  SaPrintFont used = sa_print_font_resolve (font);
  g_autofree char *family = family_of (used);

  if (used == font)
    return g_steal_pointer (&family);
  /* Translators: the font a PDF was written in, and the one asked for that is missing */
  return g_strdup_printf (_("%s (%s is not installed)"), family, names[font]);
}
