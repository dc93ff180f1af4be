/* zp-io-position.c — where a JSON path or a syntax error is in the text (docs/file-format.md).
 *
 * json-glib nodes carry no position, so positions are found only when something is wrong:
 * the loader keeps the JSON path of what it is reading (forms[3].goals[0].weight), and on
 * an error a small scanner walks the text to find that member's line and column. The same
 * scanner explains JSON syntax errors, with columns counted in characters, not bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"
#include "zp-io-private.h"

static gboolean walker_value (Walker *w, guint depth, int matched);

void
_zp_io_position_of (const char *text,
                    gsize       pos,
                    guint      *line,
                    guint      *column)
{
  const char *line_start = text;
  const char *end = text + pos;
  const char *p;

  *line = 1;
  for (p = text; p < end; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }
  *column = g_utf8_strlen (line_start, end - line_start) + 1;
}

static char *
describe_char_at (Walker *w,
                  gsize   pos)
{
  gunichar c;
  char buf[8];

  if (pos >= w->length)
    return g_strdup (_("the end of the file"));

  c = g_utf8_get_char (w->text + pos);
  if (c < 0x20)
    return g_strdup_printf ("U+%04X", c);

  buf[g_unichar_to_utf8 (c, buf)] = '\0';
  return g_strdup_printf ("“%s”", buf);
}

static gboolean walker_fail (Walker *w, gsize pos, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
walker_fail (Walker     *w,
             gsize       pos,
             const char *format,
             ...)
{
  va_list args;

  if (w->error_message != NULL)
    return FALSE;

  va_start (args, format);
  w->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  w->error_pos = pos;
  return FALSE;
}

static gboolean
walker_fail_unexpected (Walker     *w,
                        const char *expected)
{
  g_autofree char *found = describe_char_at (w, w->pos);

  /* TRANSLATORS: "expected a value, not “]”" */
  return walker_fail (w, w->pos, _("expected %s, not %s"), expected, found);
}

/* Blanks and comments. json-glib's scanner ends a comment that starts with "/" at the
 * next "/" (so "/:/" and "//" are comments to it, and "/ * a/b * /" ends early): the only
 * comments taken are "/" "*" … "*" "/" with no "/" inside, on which both agree; anything
 * else starting with "/" is refused here, before json-glib sees it. */
static void
walker_skip_blank (Walker *w)
{
  while (w->pos < w->length)
    {
      const char *p = w->text + w->pos;
      gsize left = w->length - w->pos;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        w->pos++;
      else if (*p == '/')
        {
          const char *slash = left > 1 ? memchr (p + 1, '/', left - 1) : NULL;

          if (left > 1 && p[1] == '*' && slash != NULL && slash > p + 2 && slash[-1] == '*')
            w->pos = (slash - w->text) + 1;
          else
            {
              walker_fail (w, w->pos, _("a comment must be written /* like this */, with no “/” inside"));
              return;
            }
        }
      else
        break;
    }
}

static gboolean
hex4 (const char *p,
      guint      *code)
{
  *code = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *code = *code * 16 + digit;
    }
  return TRUE;
}

static gboolean
walker_escape (Walker  *w,
               GString *out)
{
  char e = w->pos + 1 < w->length ? w->text[w->pos + 1] : '\0';
  const char *simple = "\"\\/'bfnrt";
  const char *plain = "\"\\/'\b\f\n\r\t";
  const char *hit = e != '\0' ? strchr (simple, e) : NULL;

  if (hit != NULL)
    {
      if (out)
        g_string_append_c (out, plain[hit - simple]);
      w->pos += 2;
      return TRUE;
    }

  if (e == 'u' && w->pos + 6 <= w->length)
    {
      guint code = 0, low = 0;

      if (hex4 (w->text + w->pos + 2, &code))
        {
          gboolean pair = code >= 0xD800 && code <= 0xDBFF
                          && w->pos + 12 <= w->length
                          && w->text[w->pos + 6] == '\\' && w->text[w->pos + 7] == 'u'
                          && hex4 (w->text + w->pos + 8, &low)
                          && low >= 0xDC00 && low <= 0xDFFF;

          /* json-glib ends a text at \u0000 and puts a lone surrogate into it as bytes
           * that are not UTF-8 (after eating the two characters that follow): refused. */
          if (!w->lenient && code == 0)
            return walker_fail (w, w->pos, _("a text cannot hold “\\u0000” (the NUL character)"));
          if (!w->lenient && code >= 0xD800 && code <= 0xDFFF && !pair)
            return walker_fail (w, w->pos, _("“\\u%04X” is half of a UTF-16 surrogate pair without its other half"), code);

          if (pair)
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          /* Only used to compare member names: anything else becomes U+FFFD. */
          if (out)
            g_string_append_unichar (out, g_unichar_validate (code) ? (gunichar) code : 0xFFFD);
          w->pos += pair ? 12 : 6;
          return TRUE;
        }
    }

  if (w->lenient && e != '\0')
    {
      w->pos += 2;
      return TRUE;
    }

  {
    g_autofree char *found = describe_char_at (w, w->pos + 1);
    return walker_fail (w, w->pos, _("a “\\” in a string must start an escape such as “\\n” or “\\u4E2D”, not be followed by %s"), found);
  }
}

static gboolean
walker_string (Walker  *w,
               GString *out)
{
  gsize start = w->pos;
  char quote = w->text[w->pos++];

  while (w->pos < w->length)
    {
      char c = w->text[w->pos];

      if (c == quote)
        {
          w->pos++;
          return TRUE;
        }
      /* json-glib's single-quoted strings have no escapes. */
      if (c == '\\' && quote == '"')
        {
          if (!walker_escape (w, out))
            return FALSE;
          continue;
        }
      if (out)
        g_string_append_c (out, c);
      w->pos++;
    }

  return walker_fail (w, start, _("this string is not closed by a matching quote"));
}

static gboolean
is_json_number (const char *word)
{
  const char *p = word;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
walker_word (Walker *w)
{
  gsize start = w->pos;
  g_autofree char *word = NULL;

  while (w->pos < w->length
         && (g_ascii_isalnum (w->text[w->pos]) || strchr ("+-._", w->text[w->pos]) != NULL))
    w->pos++;

  if (w->pos == start)
    return walker_fail_unexpected (w, _("a value (an object, array, string, number, true, false or null)"));

  word = g_strndup (w->text + start, w->pos - start);
  if (w->lenient || g_str_equal (word, "true") || g_str_equal (word, "false") || g_str_equal (word, "null"))
    return TRUE;
  if (!is_json_number (word))
    return walker_fail (w, start, _("“%s” is not a value: write text in double quotes, a number, true, false or null"), word);

  /* json-glib wraps whole numbers past 64 bits around: refused before it reads them. */
  if (strpbrk (word, ".eE") == NULL
      && !g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, NULL, NULL))
    {
      if (w->member != NULL)
        return walker_fail (w, start, _("“%s” is %s, a whole number too large to read"), w->member, word);
      return walker_fail (w, start, _("%s is a whole number too large to read"), word);
    }
  return TRUE;
}

static gboolean
segment_is_key (Walker     *w,
                int         matched,
                const char *key)
{
  return matched >= 0 && (guint) matched < w->n_path
         && w->path[matched].key != NULL && g_str_equal (w->path[matched].key, key);
}

static gboolean
segment_is_index (Walker *w,
                  int     matched,
                  guint   index)
{
  return matched >= 0 && (guint) matched < w->n_path
         && w->path[matched].key == NULL && w->path[matched].index == index;
}

static gboolean
walker_object (Walker *w,
               guint   depth,
               int     matched)
{
  w->pos++;
  walker_skip_blank (w);
  if (w->pos < w->length && w->text[w->pos] == '}')
    {
      w->pos++;
      return TRUE;
    }

  for (;;)
    {
      /* Member names are only needed on the path. */
      g_autoptr(GString) key = matched >= 0 || !w->lenient ? g_string_new (NULL) : NULL;
      gsize key_pos;
      int next = -1;

      walker_skip_blank (w);
      if (w->pos >= w->length || (w->text[w->pos] != '"' && w->text[w->pos] != '\''))
        return walker_fail_unexpected (w, _("a member name in double quotes"));

      key_pos = w->pos;
      if (!walker_string (w, key))
        return FALSE;

      walker_skip_blank (w);
      if (w->pos >= w->length || w->text[w->pos] != ':')
        return walker_fail_unexpected (w, _("“:” after the member name"));
      w->pos++;

      if (key != NULL)
        w->member = key->str;
      /* A later duplicate wins, as in json-glib. */
      if (key != NULL && segment_is_key (w, matched, key->str))
        {
          if ((guint) matched + 1 < w->n_path || w->want_value)
            next = matched + 1;
          else
            w->found = key_pos;
        }

      if (!walker_value (w, depth + 1, next))
        return FALSE;
      w->member = NULL;

      walker_skip_blank (w);
      if (w->pos < w->length && w->text[w->pos] == ',')
        {
          w->pos++;
          continue;
        }
      if (w->pos < w->length && w->text[w->pos] == '}')
        {
          w->pos++;
          return TRUE;
        }
      return walker_fail_unexpected (w, _("“,” or “}” after a member"));
    }
}

static gboolean
walker_array (Walker *w,
              guint   depth,
              int     matched)
{
  guint index = 0;

  w->pos++;
  walker_skip_blank (w);
  if (w->pos < w->length && w->text[w->pos] == ']')
    {
      w->pos++;
      return TRUE;
    }

  for (;; index++)
    {
      int next = segment_is_index (w, matched, index) ? matched + 1 : -1;

      if (!walker_value (w, depth + 1, next))
        return FALSE;

      walker_skip_blank (w);
      if (w->pos < w->length && w->text[w->pos] == ',')
        {
          w->pos++;
          continue;
        }
      if (w->pos < w->length && w->text[w->pos] == ']')
        {
          w->pos++;
          return TRUE;
        }
      return walker_fail_unexpected (w, _("“,” or “]” after an array element"));
    }
}

/* `matched`: how many path segments lead here, or -1 when off the path. */
static gboolean
walker_value (Walker *w,
              guint   depth,
              int     matched)
{
  char c;

  walker_skip_blank (w);
  if (matched >= 0 && (guint) matched == w->n_path)
    w->found = w->pos;

  if (w->pos >= w->length)
    return walker_fail_unexpected (w, _("a value"));
  c = w->text[w->pos];
  if ((c == '{' || c == '[') && depth >= MAX_NESTING)
    {
      w->nested = w->error_message == NULL;
      return walker_fail (w, w->pos, _("values are nested more than %d deep"), MAX_NESTING);
    }

  if (c == '{')
    return walker_object (w, depth, matched);
  if (c == '[')
    return walker_array (w, depth, matched);
  if (c == '"' || c == '\'')
    return walker_string (w, NULL);
  return walker_word (w);
}

gboolean
_zp_io_walker_document (Walker *w)
{
  walker_skip_blank (w);
  if (w->pos >= w->length && w->error_message == NULL)
    return walker_fail (w, 0, _("the file is empty; expected a .ziping document"));
  if (!walker_value (w, 0, 0))
    return FALSE;

  walker_skip_blank (w);
  if (w->pos < w->length)
    return walker_fail_unexpected (w, _("nothing after the end of the document"));
  return TRUE;
}
