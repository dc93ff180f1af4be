/* zp-io.c — reading and writing .ziping files (docs/file-format.md).
 *
 * Files as Ziping writes them are read in one pass straight into the model (the fast
 * reader, below the loader): a district's workbook would take five times its size in
 * json-glib's tree. Anything else — or anything wrong — goes to the loader, which parses
 * with json-glib, then validates every member while it builds the model, and explains.
 * json-glib nodes carry no position, so positions are found only when something is wrong:
 * the loader keeps the JSON path of what it is reading (forms[3].goals[0].weight), and on
 * an error a small scanner walks the text to find that member's line and column. The same
 * scanner explains JSON syntax errors, with columns counted in characters, not bytes.
 *
 * Saving writes the JSON itself (fixed member order, 2-space indent, "\n" at the end), so
 * that two saves of the same workbook are byte-identical.
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

G_DEFINE_QUARK (zp-io-error-quark, zp_io_error)

/* Deeper than any .ziping document; json-glib's recursive parser must never see a
 * pathological nesting (it would overflow the stack). */
#define MAX_NESTING 64
#define MAX_PATH    16

static const char * const direction_words[] = { "auto", "positive", "reverse", "equal", "qualitative", NULL };
static const char * const grade_words[] = { "none", "achieved", "partial", "missed", NULL };
static const char * const category_words[] = { "department-budget", "special", "transfer", NULL };
static const char * const attribute_words[] = { "continuing", "new", NULL };
static const char * const type_words[] = { "recurrent", "extended", "one-off", NULL };
static const char * const formula_words[] = { "ratio", "linear", NULL };
static const char * const kind_words[] = { "department", "project", NULL };
static const char * const layout_words[] = { "hubei", "central", NULL };
static const char * const fund_words[] = { "current", "carryover", "other", NULL };
static const char * const fund_field_words[] = { "initial", "budget", "spent", NULL };

enum { KIND_DEPARTMENT, KIND_PROJECT };

/* ------------------------------------------------------------------------------------ */
/* Positions in the text                                                                 */
/* ------------------------------------------------------------------------------------ */

typedef struct
{
  const char *key;    /* a member name, or NULL for an array element */
  guint       index;
} PathSegment;

/* Walks JSON text the way json-glib reads it (it also takes comments and single-quoted
 * strings), either to find where the value at `path` is or to describe the first syntax
 * error. */
typedef struct
{
  const char        *text;
  gsize              length;
  gsize              pos;

  const PathSegment *path;
  guint              n_path;
  gboolean           want_value;  /* the last segment's value, not its key */
  gsize              found;       /* G_MAXSIZE: not found */
  /* Locating runs on text json-glib accepted, which may hold forms strict JSON has not
   * (0x10, .5, "\x41"): take any word and escape then. */
  gboolean           lenient;

  gsize              error_pos;
  char              *error_message;
} Walker;

static gboolean walker_value (Walker *w, guint depth, int matched);

static void
position_of (const char *text,
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

static void
walker_skip_blank (Walker *w)
{
  while (w->pos < w->length)
    {
      const char *p = w->text + w->pos;
      gsize left = w->length - w->pos;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        w->pos++;
      else if (left > 1 && p[0] == '/' && p[1] == '/')
        {
          const char *nl = memchr (p, '\n', left);
          w->pos = nl ? (gsize) (nl - w->text) : w->length;
        }
      else if (left > 1 && p[0] == '/' && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, left - 2, "*/");
          w->pos = close ? (gsize) (close - w->text) + 2 : w->length;
        }
      else
        break;
    }
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
      g_autofree char *hex = g_strndup (w->text + w->pos + 2, 4);
      char *end = NULL;
      guint64 code = g_ascii_strtoull (hex, &end, 16);

      if (end == hex + 4)
        {
          /* Only used to compare member names: a lone surrogate becomes U+FFFD. */
          if (out)
            g_string_append_unichar (out, g_unichar_validate (code) ? (gunichar) code : 0xFFFD);
          w->pos += 6;
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
      if (c == '\\')
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
  if (w->lenient || g_str_equal (word, "true") || g_str_equal (word, "false") || g_str_equal (word, "null")
      || is_json_number (word))
    return TRUE;

  return walker_fail (w, start, _("“%s” is not a value: write text in double quotes, a number, true, false or null"), word);
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
      g_autoptr(GString) key = g_string_new (NULL);
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

      /* A later duplicate wins, as in json-glib. */
      if (segment_is_key (w, matched, key->str))
        {
          if ((guint) matched + 1 < w->n_path || w->want_value)
            next = matched + 1;
          else
            w->found = key_pos;
        }

      if (!walker_value (w, depth + 1, next))
        return FALSE;

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
  if (depth > MAX_NESTING)
    return walker_fail (w, w->pos, _("values are nested more than %d deep"), MAX_NESTING);

  c = w->text[w->pos];
  if (c == '{')
    return walker_object (w, depth, matched);
  if (c == '[')
    return walker_array (w, depth, matched);
  if (c == '"' || c == '\'')
    return walker_string (w, NULL);
  return walker_word (w);
}

static gboolean
walker_document (Walker *w)
{
  if (!walker_value (w, 0, 0))
    return FALSE;

  walker_skip_blank (w);
  if (w->pos < w->length)
    return walker_fail_unexpected (w, _("nothing after the end of the document"));
  return TRUE;
}

/* Cheap pass before json-glib: refuses nesting deeper than MAX_NESTING. */
static gboolean
nesting_is_sane (const char *text,
                 gsize       length,
                 gsize      *where)
{
  guint depth = 0;
  gsize i;

  for (i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"' || c == '\'')
        {
          for (i++; i < length && text[i] != c; i++)
            if (text[i] == '\\')
              i++;
        }
      else if (c == '/' && i + 1 < length && text[i + 1] == '*')
        {
          const char *close = g_strstr_len (text + i + 2, length - i - 2, "*/");
          i = close ? (gsize) (close - text) + 1 : length;
        }
      else if (c == '/' && i + 1 < length && text[i + 1] == '/')
        {
          const char *nl = memchr (text + i, '\n', length - i);
          i = nl ? (gsize) (nl - text) : length;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_NESTING)
            {
              *where = i;
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Loading                                                                               */
/* ------------------------------------------------------------------------------------ */

typedef struct
{
  const char  *text;
  gsize        length;
  const char  *display_name;
  PathSegment  path[MAX_PATH];
  guint        depth;
  GError     **error;
} Loader;

static void
loader_enter_key (Loader     *l,
                  const char *key)
{
  g_assert (l->depth < MAX_PATH);
  l->path[l->depth++] = (PathSegment) { key, 0 };
}

static void
loader_enter_index (Loader *l,
                    guint   index)
{
  g_assert (l->depth < MAX_PATH);
  l->path[l->depth++] = (PathSegment) { NULL, index };
}

static void
loader_leave (Loader *l)
{
  g_assert (l->depth > 0);
  l->depth--;
}

/* Where the current path (plus `member`, when not NULL) is in the text. */
static gboolean
loader_locate (Loader     *l,
               const char *member,
               gboolean    at_value,
               guint      *line,
               guint      *column)
{
  PathSegment path[MAX_PATH + 1];
  Walker w = { 0 };
  guint n = l->depth;

  memcpy (path, l->path, n * sizeof (PathSegment));
  if (member != NULL)
    path[n++] = (PathSegment) { member, 0 };

  w.text = l->text;
  w.length = l->length;
  w.path = path;
  w.n_path = n;
  w.want_value = at_value;
  w.found = G_MAXSIZE;
  w.lenient = TRUE;
  walker_document (&w);
  g_free (w.error_message);

  if (w.found == G_MAXSIZE)
    return FALSE;

  position_of (l->text, w.found, line, column);
  return TRUE;
}

static gboolean loader_fail (Loader *l, ZpIoError code, const char *member, gboolean at_value,
                             const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Always returns FALSE, for `return loader_fail (…);`. */
static gboolean
loader_fail (Loader     *l,
             ZpIoError   code,
             const char *member,
             gboolean    at_value,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (loader_locate (l, member, at_value, &line, &column))
    g_set_error (l->error, ZP_IO_ERROR, code, "%s:%u:%u: %s", l->display_name, line, column, what);
  else
    g_set_error (l->error, ZP_IO_ERROR, code, "%s: %s", l->display_name, what);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node) ? "true" : "false";
    case G_TYPE_DOUBLE:
      return _("a fractional number");
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
fail_type (Loader     *l,
           const char *member,
           const char *expected,
           JsonNode   *node)
{
  /* TRANSLATORS: "“weight” must be a string holding a number, not an object" */
  return loader_fail (l, ZP_IO_ERROR_TYPE, member, FALSE, _("“%s” must be %s, not %s"),
                      member, expected, describe_node (node));
}

static gboolean
fail_missing (Loader     *l,
              const char *member)
{
  return loader_fail (l, ZP_IO_ERROR_MISSING, NULL, TRUE,
                      _("expected a member “%s” in this object"), member);
}

/* Absent and null members are "not there". */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Text as typed; "" when absent. */
static gboolean
read_text (Loader      *l,
           JsonObject  *object,
           const char  *member,
           const char **out)
{
  JsonNode *node = get_member (object, member);

  *out = "";
  if (node == NULL)
    return TRUE;
  if (!node_is_string (node))
    return fail_type (l, member, _("a string"), node);
  *out = json_node_get_string (node);
  return TRUE;
}

/* A figure kept exactly as typed (it may even be a non-number, which the checks report);
 * "" when absent. */
static gboolean
read_figure (Loader      *l,
             JsonObject  *object,
             const char  *member,
             const char **out)
{
  JsonNode *node = get_member (object, member);

  *out = "";
  if (node == NULL)
    return TRUE;
  if (node_is_number (node))
    return loader_fail (l, ZP_IO_ERROR_TYPE, member, FALSE,
                        _("“%s” must be a string holding a number, in quotes (\"2.5\"), not a bare number"),
                        member);
  if (!node_is_string (node))
    return fail_type (l, member, _("a string holding a number"), node);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_object (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (l, member, _("an object"), node);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (Loader      *l,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            JsonArray  **out)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (l, member, _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

/* An array element that must be an object; the path already ends in its index. */
static gboolean
element_object (Loader      *l,
                JsonArray   *array,
                guint        index,
                const char  *what,
                JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    /* TRANSLATORS: "each form must be an object, not a string" */
    return loader_fail (l, ZP_IO_ERROR_TYPE, NULL, TRUE, _("each %s must be an object, not %s"),
                        what, describe_node (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_integer (Loader     *l,
              JsonObject *object,
              const char *member,
              gboolean    required,
              gint64      min,
              gint64      max,
              gint64     *out)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_type (l, member, _("a whole number"), node);

  *out = json_node_get_int (node);
  if (*out < min && max == G_MAXINT64)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be %lld or more, not %lld"),
                        member, (long long) min, (long long) *out);
  if (*out < min || *out > max)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be between %lld and %lld, not %lld"),
                        member, (long long) min, (long long) max, (long long) *out);
  return TRUE;
}

static char *
list_words (const char * const *words)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint i;

  for (i = 0; words[i] != NULL; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", words[i]);
  return g_strdup (list->str);
}

/* One of `words`; *out keeps its value when the member is absent and not required. */
static gboolean
read_word (Loader             *l,
           JsonObject         *object,
           const char         *member,
           gboolean            required,
           const char * const *words,
           int                *out)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *allowed = NULL;
  const char *word;
  int i;

  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!node_is_string (node))
    return fail_type (l, member, _("a string"), node);

  word = json_node_get_string (node);
  for (i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], word))
        {
          *out = i;
          return TRUE;
        }
    }

  allowed = list_words (words);
  return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                      _("“%s” must be one of %s, not “%s”"), member, allowed, word);
}

/* A number of the scheme, which must be readable ("20", "0.8"). */
static gboolean
read_scheme_number (Loader     *l,
                    JsonObject *object,
                    const char *member,
                    gboolean    required,
                    ZpDecimal   max,
                    gboolean   *present,
                    ZpDecimal  *out)
{
  g_autofree char *max_text = NULL;
  const char *text;

  *present = FALSE;
  if (get_member (object, member) == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!read_figure (l, object, member, &text))
    return FALSE;

  if (!zp_decimal_parse (text, out, NULL))
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must hold a number such as “20” or “0.8”, not “%s”"), member, text);

  max_text = zp_decimal_format_trim (max, ZP_DECIMAL_PLACES);
  if (zp_decimal_sign (*out) < 0 || zp_decimal_cmp (*out, max) > 0)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be between 0 and %s, not “%s”"), member, max_text, text);

  *present = TRUE;
  return TRUE;
}

/* The header: "format", "version". */
static gboolean
load_header (Loader     *l,
             JsonObject *root)
{
  JsonNode *node = get_member (root, "format");
  gint64 version = 0;

  if (node == NULL)
    return loader_fail (l, ZP_IO_ERROR_FORMAT, NULL, TRUE,
                        _("expected “format”: “%s”; this is not a .ziping document"), ZP_FILE_FORMAT_NAME);
  if (!node_is_string (node) || !g_str_equal (json_node_get_string (node), ZP_FILE_FORMAT_NAME))
    return loader_fail (l, ZP_IO_ERROR_FORMAT, "format", FALSE,
                        _("expected “format”: “%s”; this is not a .ziping document"), ZP_FILE_FORMAT_NAME);

  if (!read_integer (l, root, "version", TRUE, 1, G_MAXINT64, &version))
    return FALSE;
  if (version > ZP_FILE_FORMAT_VERSION)
    return loader_fail (l, ZP_IO_ERROR_VERSION, "version", FALSE,
                        _("written by a newer Ziping (version %lld); this version reads version %d"),
                        (long long) version, ZP_FILE_FORMAT_VERSION);
  return TRUE;
}

static gboolean
load_categories (Loader     *l,
                 JsonObject *object,
                 ZpScheme   *scheme)
{
  JsonArray *categories;
  guint i;

  if (!read_array (l, object, "categories", TRUE, &categories))
    return FALSE;

  loader_enter_key (l, "categories");
  for (i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *category;
      const char *name;
      ZpDecimal weight;
      gboolean present;

      loader_enter_index (l, i);
      if (!element_object (l, categories, i, _("category"), &category)
          || !read_text (l, category, "name", &name))
        return FALSE;
      if (*name == '\0')
        return loader_fail (l, ZP_IO_ERROR_MISSING, get_member (category, "name") ? "name" : NULL,
                            get_member (category, "name") == NULL,
                            _("each category needs a “name”, such as “%s”"), "产出指标");
      if (!read_scheme_number (l, category, "weight", TRUE, zp_decimal_from_int (100), &present, &weight))
        return FALSE;
      zp_scheme_add_category (scheme, name, weight);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static gboolean
load_bands (Loader     *l,
            JsonObject *object,
            ZpScheme   *scheme)
{
  static const struct { const char *word; ZpGrade grade; } bands[] = {
    { "achieved", ZP_GRADE_ACHIEVED },
    { "partial", ZP_GRADE_PARTIAL },
    { "missed", ZP_GRADE_MISSED },
  };
  JsonObject *lower;
  guint i;

  if (!read_object (l, object, "bands", TRUE, &lower))
    return FALSE;

  loader_enter_key (l, "bands");
  for (i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      ZpDecimal share;
      gboolean present;

      if (!read_scheme_number (l, lower, bands[i].word, TRUE, zp_decimal_from_int (1), &present, &share))
        return FALSE;
      zp_scheme_set_band_lower (scheme, bands[i].grade, share);
    }
  loader_leave (l);
  return TRUE;
}

/* The members with defaults: zp_scheme_new() has them already. */
static gboolean
load_scheme_options (Loader     *l,
                     JsonObject *object,
                     ZpScheme   *scheme)
{
  int formula = zp_scheme_get_reverse_formula (scheme);
  gint64 decimals = zp_scheme_get_decimals (scheme);
  ZpDecimal value;
  gboolean present;

  if (!read_word (l, object, "reverse-formula", FALSE, formula_words, &formula))
    return FALSE;
  zp_scheme_set_reverse_formula (scheme, formula);

  if (!read_scheme_number (l, object, "over-achievement", FALSE, zp_decimal_from_int (100), &present, &value))
    return FALSE;
  if (present)
    zp_scheme_set_over_achievement (scheme, value);

  if (!read_scheme_number (l, object, "execution-threshold", FALSE, zp_decimal_from_int (1), &present, &value))
    return FALSE;
  if (present)
    zp_scheme_set_execution_threshold (scheme, value);

  if (!read_integer (l, object, "decimals", FALSE, 0, 4, &decimals))
    return FALSE;
  zp_scheme_set_decimals (scheme, decimals);
  return TRUE;
}

static ZpScheme *
load_scheme (Loader     *l,
             JsonObject *root)
{
  g_autoptr(ZpScheme) scheme = NULL;
  JsonObject *object;
  const char *id, *name;
  int layout = 0;
  ZpDecimal weight;
  gboolean present;

  if (!read_object (l, root, "scheme", TRUE, &object))
    return NULL;

  loader_enter_key (l, "scheme");
  if (!read_text (l, object, "id", &id))
    return NULL;
  if (*id == '\0')
    {
      loader_fail (l, ZP_IO_ERROR_MISSING, get_member (object, "id") ? "id" : NULL,
                   get_member (object, "id") == NULL,
                   _("the scheme needs an “id”, such as “%s”"), ZP_SCHEME_DEFAULT_ID);
      return NULL;
    }
  if (!read_text (l, object, "name", &name)
      || !read_word (l, object, "layout", TRUE, layout_words, &layout)
      || !read_scheme_number (l, object, "execution-weight", TRUE, zp_decimal_from_int (100), &present, &weight))
    return NULL;

  scheme = zp_scheme_new (id, *name != '\0' ? name : id, layout_words[layout]);
  zp_scheme_set_execution_weight (scheme, weight);

  if (!load_categories (l, object, scheme)
      || !load_bands (l, object, scheme)
      || !load_scheme_options (l, object, scheme))
    return NULL;

  loader_leave (l);
  return g_steal_pointer (&scheme);
}

static void
set_workbook_explanation (gpointer    target,
                          const char *key,
                          const char *text)
{
  zp_workbook_set_explanation (target, key, text);
}

static void
set_form_explanation (gpointer    target,
                      const char *key,
                      const char *text)
{
  zp_form_set_explanation (target, key, text);
}

static gboolean
load_explanations (Loader     *l,
                   JsonObject *object,
                   gpointer    target,
                   void      (*set) (gpointer, const char *, const char *))
{
  JsonObject *explanations;
  g_autoptr(GList) keys = NULL;
  GList *iter;

  if (!read_object (l, object, "explanations", FALSE, &explanations))
    return FALSE;
  if (explanations == NULL)
    return TRUE;

  loader_enter_key (l, "explanations");
  keys = json_object_get_members (explanations);
  for (iter = keys; iter != NULL; iter = iter->next)
    {
      const char *text;

      if (!read_text (l, explanations, iter->data, &text))
        return FALSE;
      if (*text != '\0')
        set (target, iter->data, text);
    }
  loader_leave (l);
  return TRUE;
}

/* The members of an indicator, in the order the setters run; the figures must be strings
 * holding a number. */
static const struct
{
  const char *member;
  gboolean    figure;
} indicator_texts[] = {
  [ZP_INDICATOR_TEXT_CATEGORY] = { "category", FALSE },
  [ZP_INDICATOR_TEXT_SUBCATEGORY] = { "subcategory", FALSE },
  [ZP_INDICATOR_TEXT_NAME] = { "name", FALSE },
  [ZP_INDICATOR_TEXT_TARGET] = { "target", FALSE },
  [ZP_INDICATOR_TEXT_ACTUAL] = { "actual", FALSE },
  [ZP_INDICATOR_TEXT_WEIGHT] = { "weight", TRUE },
  [ZP_INDICATOR_TEXT_MANUAL_SCORE] = { "manual-score", TRUE },
  [ZP_INDICATOR_TEXT_MANUAL_REASON] = { "manual-reason", FALSE },
  [ZP_INDICATOR_TEXT_DEVIATION_NOTE] = { "deviation-note", FALSE },
};

#define N_INDICATOR_TEXTS ZP_INDICATOR_N_TEXTS

/* An indicator as read, before it is built: both readers fill one, so that both build
 * the same model. */
typedef struct
{
  const char *texts[N_INDICATOR_TEXTS];  /* "" when absent */
  int         direction;
  int         grade;
} IndicatorFields;

static void
indicator_fields_init (IndicatorFields *fields)
{
  for (guint i = 0; i < N_INDICATOR_TEXTS; i++)
    fields->texts[i] = "";
  fields->direction = ZP_DIRECTION_AUTO;
  fields->grade = ZP_GRADE_NONE;
}

static ZpIndicator *
indicator_from_fields (const IndicatorFields *fields)
{
  return _zp_indicator_new_with_inputs (fields->texts, fields->direction, fields->grade);
}

static ZpIndicator *
load_indicator (Loader     *l,
                JsonObject *object)
{
  IndicatorFields fields;
  guint i;

  indicator_fields_init (&fields);
  for (i = 0; i < N_INDICATOR_TEXTS; i++)
    {
      if (indicator_texts[i].figure ? !read_figure (l, object, indicator_texts[i].member, &fields.texts[i])
                                    : !read_text (l, object, indicator_texts[i].member, &fields.texts[i]))
        return NULL;
    }

  if (!read_word (l, object, "direction", FALSE, direction_words, &fields.direction)
      || !read_word (l, object, "grade", FALSE, grade_words, &fields.grade))
    return NULL;

  return indicator_from_fields (&fields);
}

/* Fills `goal` (which may come with defaults, like a project's one goal: every member is
 * set, so that the file decides). */
static gboolean
load_goal (Loader     *l,
           JsonObject *object,
           ZpGoal     *goal)
{
  const char *text, *achieved, *weight;
  JsonArray *indicators;
  guint i;

  if (!read_text (l, object, "text", &text)
      || !read_text (l, object, "achieved", &achieved)
      || !read_figure (l, object, "weight", &weight)
      || !read_array (l, object, "indicators", FALSE, &indicators))
    return FALSE;

  zp_goal_set_text (goal, text);
  zp_goal_set_achieved (goal, achieved);
  zp_goal_set_weight (goal, weight);
  while (zp_goal_get_n_indicators (goal) > 0)
    zp_goal_remove_indicator (goal, 0);

  if (indicators == NULL)
    return TRUE;

  loader_enter_key (l, "indicators");
  for (i = 0; i < json_array_get_length (indicators); i++)
    {
      g_autoptr(ZpIndicator) indicator = NULL;
      JsonObject *element;

      loader_enter_index (l, i);
      if (!element_object (l, indicators, i, _("indicator"), &element))
        return FALSE;
      indicator = load_indicator (l, element);
      if (indicator == NULL)
        return FALSE;
      zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

/* Budget figures, texts and explanations shared by both kinds of form. */
static gboolean
load_form_common (Loader     *l,
                  JsonObject *object,
                  ZpForm     *form)
{
  const char *initial, *budget, *spent, *analysis, *improvement;

  if (!read_figure (l, object, "initial-budget", &initial)
      || !read_figure (l, object, "budget", &budget)
      || !read_figure (l, object, "spent", &spent)
      || !read_text (l, object, "analysis", &analysis)
      || !read_text (l, object, "improvement", &improvement))
    return FALSE;

  zp_form_set_initial_budget (form, initial);
  zp_form_set_budget (form, budget);
  zp_form_set_spent (form, spent);
  zp_form_set_analysis (form, analysis);
  zp_form_set_improvement (form, improvement);

  return load_explanations (l, object, form, set_form_explanation);
}

static gboolean
load_department_goals (Loader           *l,
                       JsonObject       *object,
                       ZpDepartmentForm *form)
{
  JsonArray *goals;
  guint i;

  if (!read_array (l, object, "goals", FALSE, &goals))
    return FALSE;
  if (goals == NULL)
    return TRUE;

  loader_enter_key (l, "goals");
  for (i = 0; i < json_array_get_length (goals); i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();
      JsonObject *element;

      loader_enter_index (l, i);
      if (!element_object (l, goals, i, _("goal"), &element)
          || !load_goal (l, element, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), zp_form_get_n_goals (ZP_FORM (form)), goal);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static ZpForm *
load_department_form (Loader     *l,
                      JsonObject *object,
                      ZpScheme   *scheme)
{
  g_autoptr(ZpDepartmentForm) form = zp_department_form_new ();
  const char *unit, *basic, *project;

  zp_form_freeze (ZP_FORM (form));
  zp_form_set_scheme (ZP_FORM (form), scheme);

  if (!read_text (l, object, "unit", &unit)
      || !read_figure (l, object, "basic-expenditure", &basic)
      || !read_figure (l, object, "project-expenditure", &project))
    return NULL;
  zp_department_form_set_unit (form, unit);
  zp_department_form_set_basic_expenditure (form, basic);
  zp_department_form_set_project_expenditure (form, project);

  if (!load_form_common (l, object, ZP_FORM (form))
      || !load_department_goals (l, object, form))
    return NULL;

  return ZP_FORM (g_steal_pointer (&form));
}

static gboolean
load_funds (Loader        *l,
            JsonObject    *object,
            ZpProjectForm *form)
{
  JsonObject *funds;
  guint fund, field;

  if (!read_object (l, object, "funds", FALSE, &funds))
    return FALSE;
  if (funds == NULL)
    return TRUE;

  loader_enter_key (l, "funds");
  for (fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      JsonObject *row;

      if (!read_object (l, funds, fund_words[fund], FALSE, &row))
        return FALSE;
      if (row == NULL)
        continue;

      loader_enter_key (l, fund_words[fund]);
      for (field = 0; field < ZP_N_FUND_FIELDS; field++)
        {
          const char *value;

          if (!read_figure (l, row, fund_field_words[field], &value))
            return FALSE;
          zp_project_form_set_fund (form, fund, field, value);
        }
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static gboolean
load_project_header (Loader        *l,
                     JsonObject    *object,
                     ZpProjectForm *form)
{
  const char *name, *department, *implementer, *manager;
  int category = ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET;
  int attribute = ZP_PROJECT_ATTRIBUTE_CONTINUING;
  int type = ZP_PROJECT_TYPE_RECURRENT;

  if (!read_text (l, object, "name", &name)
      || !read_text (l, object, "department", &department)
      || !read_text (l, object, "implementer", &implementer)
      || !read_text (l, object, "manager", &manager)
      || !read_word (l, object, "project-category", FALSE, category_words, &category)
      || !read_word (l, object, "project-attribute", FALSE, attribute_words, &attribute)
      || !read_word (l, object, "project-type", FALSE, type_words, &type))
    return FALSE;

  zp_project_form_set_name (form, name);
  zp_project_form_set_department (form, department);
  zp_project_form_set_implementer (form, implementer);
  zp_project_form_set_manager (form, manager);
  zp_project_form_set_project_category (form, category);
  zp_project_form_set_project_attribute (form, attribute);
  zp_project_form_set_project_type (form, type);
  return TRUE;
}

/* A project form has exactly one goal (年度总体目标); an absent one stays empty. */
static gboolean
load_project_goal (Loader        *l,
                   JsonObject    *object,
                   ZpProjectForm *form)
{
  JsonArray *goals;
  JsonObject *element = NULL;
  gboolean ok;

  if (!read_array (l, object, "goals", FALSE, &goals))
    return FALSE;

  loader_enter_key (l, "goals");
  if (goals != NULL && json_array_get_length (goals) > 1)
    {
      loader_enter_index (l, 1);
      return loader_fail (l, ZP_IO_ERROR_VALUE, NULL, TRUE,
                          _("a project form has exactly one goal, its overall goal, not %u"),
                          json_array_get_length (goals));
    }

  loader_enter_index (l, 0);
  if (goals != NULL && json_array_get_length (goals) == 1
      && !element_object (l, goals, 0, _("goal"), &element))
    return FALSE;

  /* With no goal in the file, an empty object clears the default one. */
  if (element == NULL)
    {
      g_autoptr(JsonObject) empty = json_object_new ();
      ok = load_goal (l, empty, zp_project_form_get_overall_goal (form));
    }
  else
    ok = load_goal (l, element, zp_project_form_get_overall_goal (form));

  loader_leave (l);
  loader_leave (l);
  return ok;
}

static ZpForm *
load_project_form (Loader     *l,
                   JsonObject *object,
                   ZpScheme   *scheme)
{
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();

  zp_form_freeze (ZP_FORM (form));
  zp_form_set_scheme (ZP_FORM (form), scheme);

  if (!load_project_header (l, object, form)
      || !load_form_common (l, object, ZP_FORM (form))
      || !load_funds (l, object, form)
      || !load_project_goal (l, object, form))
    return NULL;

  return ZP_FORM (g_steal_pointer (&form));
}

/* Builds one form (frozen: it scores once, when thawed in the workbook). */
static gboolean
load_form (Loader     *l,
           JsonArray  *forms,
           guint       index,
           ZpWorkbook *workbook)
{
  g_autoptr(ZpForm) form = NULL;
  JsonObject *object;
  int kind = KIND_PROJECT;

  if (!element_object (l, forms, index, _("form"), &object)
      || !read_word (l, object, "kind", TRUE, kind_words, &kind))
    return FALSE;

  if (kind == KIND_DEPARTMENT && index > 0)
    return loader_fail (l, ZP_IO_ERROR_VALUE, "kind", FALSE,
                        _("the department form must come first, and a workbook has at most one"));

  if (kind == KIND_DEPARTMENT)
    form = load_department_form (l, object, zp_workbook_get_scheme (workbook));
  else
    form = load_project_form (l, object, zp_workbook_get_scheme (workbook));
  if (form == NULL)
    return FALSE;

  if (kind == KIND_DEPARTMENT)
    zp_workbook_set_department_form (workbook, ZP_DEPARTMENT_FORM (form));
  else
    zp_workbook_insert_project (workbook, G_MAXUINT, ZP_PROJECT_FORM (form));
  zp_form_thaw (form);
  return TRUE;
}

static gboolean
load_forms (Loader     *l,
            JsonObject *root,
            ZpWorkbook *workbook)
{
  JsonArray *forms;
  guint i;

  if (!read_array (l, root, "forms", TRUE, &forms))
    return FALSE;

  loader_enter_key (l, "forms");
  for (i = 0; i < json_array_get_length (forms); i++)
    {
      loader_enter_index (l, i);
      if (!load_form (l, forms, i, workbook))
        return FALSE;
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

/* Everything but the forms: header, scheme, the workbook's own members. */
static ZpWorkbook *
load_workbook_head (Loader     *l,
                    JsonObject *object)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(ZpScheme) scheme = NULL;
  const char *unit, *unit_short, *department;
  gint64 year = 0;

  if (!load_header (l, object)
      || !read_integer (l, object, "year", TRUE, 0, 9999, &year)
      || !read_text (l, object, "unit", &unit)
      || !read_text (l, object, "unit-short", &unit_short)
      || !read_text (l, object, "department", &department))
    return NULL;

  scheme = load_scheme (l, object);
  if (scheme == NULL)
    return NULL;

  workbook = zp_workbook_new (NULL);
  zp_workbook_set_year (workbook, year);
  zp_workbook_set_unit (workbook, unit);
  zp_workbook_set_unit_short (workbook, unit_short);
  zp_workbook_set_department (workbook, department);
  zp_workbook_set_scheme (workbook, scheme);

  if (!load_explanations (l, object, workbook, set_workbook_explanation))
    return NULL;

  return g_steal_pointer (&workbook);
}

static ZpWorkbook *
load_workbook (Loader   *l,
               JsonNode *root)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      loader_fail (l, ZP_IO_ERROR_FORMAT, NULL, TRUE,
                   _("expected an object with “format”: “%s”, not %s"),
                   ZP_FILE_FORMAT_NAME, describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  workbook = load_workbook_head (l, object);
  if (workbook == NULL || !load_forms (l, object, workbook))
    return NULL;

  return g_steal_pointer (&workbook);
}

/* ------------------------------------------------------------------------------------ */
/* The fast reader                                                                       */
/* ------------------------------------------------------------------------------------ */

/* json-glib's tree of a district's workbook takes about 5 × the file and as long to free as
 * to build. Files as Ziping writes them (strict JSON, the header and scheme before the
 * forms, every member once) are read here in one pass straight into the model instead:
 * the header and scheme, small, still through json-glib and the loader above; the forms
 * without any tree. The reader takes no decision of its own: whatever it is not sure of
 * (a syntax error, comments, a duplicate member, a number where text belongs, a word it
 * does not know…) makes it give up, and the loader above reads the file again and says
 * what is wrong, so that both give the same workbook or the same message. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  /* Unescaped strings, NUL-terminated; as long as the text, so that every string fits.
   * Used as a stack: a member's strings are dropped once applied. Pages never written
   * cost no memory. */
  char       *scratch;
  char       *top;
} Fast;

static inline void
fast_blank (Fast *f)
{
  while (f->p < f->end && (*f->p == ' ' || *f->p == '\n' || *f->p == '\r' || *f->p == '\t'))
    f->p++;
}

/* Consumes `c` after blanks, if it is there. */
static inline gboolean
fast_take (Fast *f,
           char  c)
{
  fast_blank (f);
  if (f->p < f->end && *f->p == c)
    {
      f->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
fast_literal (Fast       *f,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (f->end - f->p) < length || memcmp (f->p, word, length) != 0)
    return FALSE;
  f->p += length;
  return TRUE;
}

/* `null` here stands for an absent member, as in the loader. */
static gboolean
fast_null (Fast *f)
{
  fast_blank (f);
  return f->p < f->end && *f->p == 'n' && fast_literal (f, "null");
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* A string, unescaped onto the scratch stack. */
static gboolean
fast_string (Fast        *f,
             const char **out)
{
  const char *p;
  char *o = f->top;

  if (!fast_take (f, '"'))
    return FALSE;

  *out = o;
  for (p = f->p; p < f->end; )
    {
      guchar c = *p;
      gunichar u = 0;

      if (c == '"')
        {
          *o++ = '\0';
          f->p = p + 1;
          f->top = o;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          *o++ = c;
          p++;
          continue;
        }
      if (++p >= f->end)
        return FALSE;
      switch (*p++)
        {
        case '"':  *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/':  *o++ = '/'; break;
        case 'b':  *o++ = '\b'; break;
        case 'f':  *o++ = '\f'; break;
        case 'n':  *o++ = '\n'; break;
        case 'r':  *o++ = '\r'; break;
        case 't':  *o++ = '\t'; break;
        case 'u':
          if (f->end - p < 4)
            return FALSE;
          for (int i = 0; i < 4; i++)
            {
              int digit = hex_value (p[i]);

              if (digit < 0)
                return FALSE;
              u = u * 16 + digit;
            }
          p += 4;
          /* NUL and surrogate pairs: left to json-glib. */
          if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
            return FALSE;
          o += g_unichar_to_utf8 (u, o);
          break;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* A member name with no escapes, and its colon. */
static gboolean
fast_key (Fast        *f,
          const char **key,
          gsize       *length)
{
  const char *p;

  if (!fast_take (f, '"'))
    return FALSE;
  for (p = f->p; p < f->end && *p != '"'; p++)
    {
      if (*p == '\\' || (guchar) *p < 0x20)
        return FALSE;
    }
  if (p >= f->end || p == f->p)
    return FALSE;

  *key = f->p;
  *length = p - f->p;
  f->p = p + 1;
  return fast_take (f, ':');
}

static gboolean
key_is (const char *key,
        gsize       length,
        const char *name)
{
  return strncmp (key, name, length) == 0 && name[length] == '\0';
}

/* The index of `key` in `names` (NULL-terminated), or -1. */
static int
key_lookup (const char         *key,
            gsize               length,
            const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    {
      if (key_is (key, length, names[i]))
        return i;
    }
  return -1;
}

/* Marks member `index` as seen; FALSE when it was already (json-glib keeps one of two
 * same-named members: which one is its business). */
static gboolean
fast_first_time (guint64 *seen,
                 int      index)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << index;

  if (*seen & bit)
    return FALSE;
  *seen |= bit;
  return TRUE;
}

/* A plain number: integer, fraction, no exponent and not too long for json-glib to read
 * the same way. */
static gboolean
fast_number (Fast *f)
{
  const char *p = f->p;
  const char *digits;

  if (p < f->end && *p == '-')
    p++;
  digits = p;
  if (p < f->end && *p == '0')
    p++;
  else
    while (p < f->end && g_ascii_isdigit (*p))
      p++;
  if (p == digits)
    return FALSE;
  if (p < f->end && *p == '.')
    {
      const char *fraction = ++p;

      while (p < f->end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction)
        return FALSE;
    }
  if (p - f->p > 15 || (p < f->end && (g_ascii_isalnum (*p) || *p == '.')))
    return FALSE;
  f->p = p;
  return TRUE;
}

/* Any value, checked and passed over (members Ziping does not know). The nesting was
 * checked before. */
static gboolean
fast_skip (Fast *f)
{
  fast_blank (f);
  if (f->p >= f->end)
    return FALSE;

  switch (*f->p)
    {
    case '"':
      {
        char *top = f->top;
        const char *text;
        gboolean ok = fast_string (f, &text);

        f->top = top;
        return ok;
      }
    case '{':
      f->p++;
      if (fast_take (f, '}'))
        return TRUE;
      do
        {
          const char *key;
          gsize length;

          if (!fast_key (f, &key, &length) || !fast_skip (f))
            return FALSE;
        }
      while (fast_take (f, ','));
      return fast_take (f, '}');
    case '[':
      f->p++;
      if (fast_take (f, ']'))
        return TRUE;
      do
        {
          if (!fast_skip (f))
            return FALSE;
        }
      while (fast_take (f, ','));
      return fast_take (f, ']');
    case 't':
      return fast_literal (f, "true");
    case 'f':
      return fast_literal (f, "false");
    case 'n':
      return fast_literal (f, "null");
    default:
      return fast_number (f);
    }
}

/* Text or a figure: a string, or null for "". */
static gboolean
fast_text (Fast        *f,
           const char **out)
{
  if (fast_null (f))
    {
      *out = "";
      return TRUE;
    }
  return fast_string (f, out);
}

/* One of `words`; null keeps *out. */
static gboolean
fast_word (Fast               *f,
           const char * const *words,
           int                *out)
{
  char *top = f->top;
  const char *word;
  int i;

  if (fast_null (f))
    return TRUE;
  if (!fast_string (f, &word))
    return FALSE;
  f->top = top;

  for (i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], word))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Calls member() for each member of an object; null is no object (*present FALSE). */
typedef gboolean (*FastMember) (Fast *f, const char *key, gsize length, gpointer data);

static gboolean
fast_object (Fast       *f,
             FastMember  member,
             gpointer    data,
             gboolean   *present)
{
  if (present != NULL)
    {
      *present = !fast_null (f);
      if (!*present)
        return TRUE;
    }
  if (!fast_take (f, '{'))
    return FALSE;
  if (fast_take (f, '}'))
    return TRUE;
  do
    {
      const char *key;
      gsize length;

      if (!fast_key (f, &key, &length) || !member (f, key, length, data))
        return FALSE;
    }
  while (fast_take (f, ','));
  return fast_take (f, '}');
}

/* Starts an array (null: none); then fast_next() before each element. */
static gboolean
fast_array_open (Fast     *f,
                 gboolean *present)
{
  *present = !fast_null (f);
  return !*present || fast_take (f, '[');
}

/* TRUE with *more when an element follows, TRUE without at the end. */
static gboolean
fast_next (Fast     *f,
           guint     index,
           gboolean *more)
{
  if (fast_take (f, ']'))
    {
      *more = FALSE;
      return TRUE;
    }
  *more = TRUE;
  return index == 0 || fast_take (f, ',');
}

/* Explanations: key → text, set when not empty. */
typedef struct
{
  gpointer     target;
  void       (*set) (gpointer, const char *, const char *);
  GPtrArray   *keys;  /* seen, to give up on a repeated key */
} FastExplanations;

static gboolean
fast_explanation (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  FastExplanations *e = data;
  g_autofree char *name = g_strndup (key, length);
  char *top = f->top;
  const char *text;

  for (guint i = 0; i < e->keys->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (e->keys, i), name))
        return FALSE;
    }
  if (!fast_text (f, &text))
    return FALSE;
  if (*text != '\0')
    e->set (e->target, name, text);
  g_ptr_array_add (e->keys, g_steal_pointer (&name));
  f->top = top;
  return TRUE;
}

static gboolean
fast_explanations (Fast     *f,
                   gpointer  target,
                   void    (*set) (gpointer, const char *, const char *))
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  FastExplanations e = { target, set, keys };
  gboolean present;

  return fast_object (f, fast_explanation, &e, &present);
}

typedef struct
{
  IndicatorFields fields;
  guint64         seen;
} FastIndicator;

static gboolean
fast_indicator_member (Fast       *f,
                       const char *key,
                       gsize       length,
                       gpointer    data)
{
  FastIndicator *ind = data;

  for (guint i = 0; i < N_INDICATOR_TEXTS; i++)
    {
      if (key_is (key, length, indicator_texts[i].member))
        return fast_first_time (&ind->seen, i) && fast_text (f, &ind->fields.texts[i]);
    }
  if (key_is (key, length, "direction"))
    return fast_first_time (&ind->seen, N_INDICATOR_TEXTS)
           && fast_word (f, direction_words, &ind->fields.direction);
  if (key_is (key, length, "grade"))
    return fast_first_time (&ind->seen, N_INDICATOR_TEXTS + 1)
           && fast_word (f, grade_words, &ind->fields.grade);
  return fast_skip (f);
}

/* The indicators, appended to the goal all at once. */
static gboolean
fast_indicators (Fast   *f,
                 ZpGoal *goal)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      FastIndicator ind = { 0 };
      char *top = f->top;

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;

      indicator_fields_init (&ind.fields);
      if (!fast_object (f, fast_indicator_member, &ind, NULL))
        return FALSE;
      g_ptr_array_add (indicators, indicator_from_fields (&ind.fields));
      f->top = top;
    }

  _zp_goal_append_indicators (goal, (ZpIndicator **) indicators->pdata, indicators->len);
  return TRUE;
}

typedef struct
{
  ZpGoal  *goal;
  guint64  seen;
} FastGoal;

static gboolean
fast_goal_member (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  static const char * const names[] = { "text", "achieved", "weight", "indicators", NULL };
  static void (* const setters[]) (ZpGoal *, const char *) = {
    zp_goal_set_text, zp_goal_set_achieved, zp_goal_set_weight,
  };
  FastGoal *g = data;
  int index = key_lookup (key, length, names);
  char *top = f->top;
  const char *text;

  if (index < 0)
    return fast_skip (f);
  if (!fast_first_time (&g->seen, index))
    return FALSE;
  if (index == 3)
    return fast_indicators (f, g->goal);

  if (!fast_text (f, &text))
    return FALSE;
  setters[index] (g->goal, text);
  f->top = top;
  return TRUE;
}

/* An empty goal, as the loader leaves one before it reads the file's. */
static void
goal_clear (ZpGoal *goal)
{
  zp_goal_set_text (goal, "");
  zp_goal_set_achieved (goal, "");
  zp_goal_set_weight (goal, "");
  while (zp_goal_get_n_indicators (goal) > 0)
    zp_goal_remove_indicator (goal, 0);
}

static gboolean
fast_goal (Fast   *f,
           ZpGoal *goal)
{
  FastGoal g = { goal, 0 };

  goal_clear (goal);
  return fast_object (f, fast_goal_member, &g, NULL);
}

/* The members of both kinds of form, in one table: a bit each in `seen`. */
enum
{
  FORM_KIND,
  FORM_INITIAL_BUDGET,
  FORM_BUDGET,
  FORM_SPENT,
  FORM_ANALYSIS,
  FORM_IMPROVEMENT,
  FORM_EXPLANATIONS,
  FORM_GOALS,
  FORM_UNIT,                 /* department */
  FORM_BASIC_EXPENDITURE,
  FORM_PROJECT_EXPENDITURE,
  FORM_NAME,                 /* project */
  FORM_DEPARTMENT,
  FORM_IMPLEMENTER,
  FORM_MANAGER,
  FORM_PROJECT_CATEGORY,
  FORM_PROJECT_ATTRIBUTE,
  FORM_PROJECT_TYPE,
  FORM_FUNDS,
  N_FORM_MEMBERS
};

static const char * const form_members[] = {
  "kind", "initial-budget", "budget", "spent", "analysis", "improvement", "explanations",
  "goals", "unit", "basic-expenditure", "project-expenditure", "name", "department",
  "implementer", "manager", "project-category", "project-attribute", "project-type",
  "funds", NULL
};

typedef struct
{
  ZpForm     *form;
  int         kind;
  guint64     seen;
  /* Texts (on the scratch stack until the form is done) and words, applied at the end
   * in the loader's order. */
  const char *texts[N_FORM_MEMBERS];
  int         words[N_FORM_MEMBERS];
} FastForm;

typedef struct
{
  const char *values[ZP_N_FUND_FIELDS];  /* "" when absent */
  guint64     seen;
} FastFundRow;

static gboolean
fast_fund_row_member (Fast       *f,
                      const char *key,
                      gsize       length,
                      gpointer    data)
{
  FastFundRow *row = data;
  int field = key_lookup (key, length, fund_field_words);

  if (field < 0)
    return fast_skip (f);
  return fast_first_time (&row->seen, field) && fast_text (f, &row->values[field]);
}

typedef struct
{
  ZpProjectForm *form;
  guint64        seen;
} FastFunds;

static gboolean
fast_funds_member (Fast       *f,
                   const char *key,
                   gsize       length,
                   gpointer    data)
{
  FastFunds *funds = data;
  int fund = key_lookup (key, length, fund_words);
  FastFundRow row = { { "", "", "" }, 0 };
  char *top = f->top;
  gboolean present;

  G_STATIC_ASSERT (ZP_N_FUND_FIELDS == 3);
  if (fund < 0)
    return fast_skip (f);
  if (!fast_first_time (&funds->seen, fund)
      || !fast_object (f, fast_fund_row_member, &row, &present))
    return FALSE;
  /* As the loader: a row that is there sets all its fields. */
  if (present)
    for (guint field = 0; field < ZP_N_FUND_FIELDS; field++)
      zp_project_form_set_fund (funds->form, fund, field, row.values[field]);
  f->top = top;
  return TRUE;
}

static gboolean
fast_department_goals (Fast             *f,
                       ZpDepartmentForm *form)
{
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      if (!fast_goal (f, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), zp_form_get_n_goals (ZP_FORM (form)), goal);
    }
  return TRUE;
}

/* A project form's goals: at most one. */
static gboolean
fast_project_goals (Fast          *f,
                    ZpProjectForm *form)
{
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  if (!present)
    return TRUE;
  if (!fast_next (f, 0, &more))
    return FALSE;
  if (more && !fast_goal (f, zp_project_form_get_overall_goal (form)))
    return FALSE;
  return !more || fast_take (f, ']');
}

static gboolean
fast_form_member (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  FastForm *ff = data;
  int index = key_lookup (key, length, form_members);
  gboolean department = ff->kind == KIND_DEPARTMENT;
  gboolean present;

  if (index < 0)
    return fast_skip (f);
  /* A member of the other kind is not read by the loader either. */
  if (department ? index >= FORM_NAME : (index >= FORM_UNIT && index < FORM_NAME))
    return fast_skip (f);
  if (!fast_first_time (&ff->seen, index))
    return FALSE;

  switch (index)
    {
    case FORM_KIND:
      return FALSE;  /* not first */
    case FORM_EXPLANATIONS:
      return fast_explanations (f, ff->form, set_form_explanation);
    case FORM_GOALS:
      return department ? fast_department_goals (f, ZP_DEPARTMENT_FORM (ff->form))
                        : fast_project_goals (f, ZP_PROJECT_FORM (ff->form));
    case FORM_FUNDS:
      {
        FastFunds funds = { ZP_PROJECT_FORM (ff->form), 0 };

        return fast_object (f, fast_funds_member, &funds, &present);
      }
    case FORM_PROJECT_CATEGORY:
      return fast_word (f, category_words, &ff->words[index]);
    case FORM_PROJECT_ATTRIBUTE:
      return fast_word (f, attribute_words, &ff->words[index]);
    case FORM_PROJECT_TYPE:
      return fast_word (f, type_words, &ff->words[index]);
    default:
      return fast_text (f, &ff->texts[index]);
    }
}

/* The loader's setters, in its order, with what was read. */
static void
fast_form_apply (FastForm *ff)
{
  const char * const *t = ff->texts;
  ZpForm *form = ff->form;

  if (ff->kind == KIND_DEPARTMENT)
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (form);

      zp_department_form_set_unit (department, t[FORM_UNIT]);
      zp_department_form_set_basic_expenditure (department, t[FORM_BASIC_EXPENDITURE]);
      zp_department_form_set_project_expenditure (department, t[FORM_PROJECT_EXPENDITURE]);
    }
  else
    {
      ZpProjectForm *project = ZP_PROJECT_FORM (form);

      zp_project_form_set_name (project, t[FORM_NAME]);
      zp_project_form_set_department (project, t[FORM_DEPARTMENT]);
      zp_project_form_set_implementer (project, t[FORM_IMPLEMENTER]);
      zp_project_form_set_manager (project, t[FORM_MANAGER]);
      zp_project_form_set_project_category (project, ff->words[FORM_PROJECT_CATEGORY]);
      zp_project_form_set_project_attribute (project, ff->words[FORM_PROJECT_ATTRIBUTE]);
      zp_project_form_set_project_type (project, ff->words[FORM_PROJECT_TYPE]);
    }

  zp_form_set_initial_budget (form, t[FORM_INITIAL_BUDGET]);
  zp_form_set_budget (form, t[FORM_BUDGET]);
  zp_form_set_spent (form, t[FORM_SPENT]);
  zp_form_set_analysis (form, t[FORM_ANALYSIS]);
  zp_form_set_improvement (form, t[FORM_IMPROVEMENT]);
}

/* One form; "kind" must come first (Ziping writes it so). */
static gboolean
fast_form (Fast       *f,
           guint       index,
           ZpWorkbook *workbook)
{
  g_autoptr(ZpForm) form = NULL;
  FastForm ff = { 0 };
  const char *key;
  gsize length;
  char *top = f->top;

  ff.kind = KIND_PROJECT;
  if (!fast_take (f, '{')
      || !fast_key (f, &key, &length) || !key_is (key, length, "kind")
      || fast_null (f) || !fast_word (f, kind_words, &ff.kind))
    return FALSE;
  if (ff.kind == KIND_DEPARTMENT && index > 0)
    return FALSE;

  for (guint i = 0; i < N_FORM_MEMBERS; i++)
    ff.texts[i] = "";
  ff.words[FORM_PROJECT_CATEGORY] = ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET;
  ff.words[FORM_PROJECT_ATTRIBUTE] = ZP_PROJECT_ATTRIBUTE_CONTINUING;
  ff.words[FORM_PROJECT_TYPE] = ZP_PROJECT_TYPE_RECURRENT;
  ff.seen = 1 << FORM_KIND;

  form = ff.kind == KIND_DEPARTMENT ? ZP_FORM (zp_department_form_new ())
                                    : ZP_FORM (zp_project_form_new ());
  ff.form = form;
  zp_form_freeze (form);
  zp_form_set_scheme (form, zp_workbook_get_scheme (workbook));
  if (ff.kind == KIND_PROJECT)
    goal_clear (zp_project_form_get_overall_goal (ZP_PROJECT_FORM (form)));

  while (fast_take (f, ','))
    {
      if (!fast_key (f, &key, &length) || !fast_form_member (f, key, length, &ff))
        return FALSE;
    }
  if (!fast_take (f, '}'))
    return FALSE;

  fast_form_apply (&ff);
  f->top = top;

  if (ff.kind == KIND_DEPARTMENT)
    zp_workbook_set_department_form (workbook, ZP_DEPARTMENT_FORM (form));
  else
    zp_workbook_insert_project (workbook, G_MAXUINT, ZP_PROJECT_FORM (form));
  zp_form_thaw (form);
  return TRUE;
}

static gboolean
fast_forms (Fast       *f,
            ZpWorkbook *workbook)
{
  gboolean more;

  if (!fast_take (f, '['))
    return FALSE;
  for (guint i = 0; ; i++)
    {
      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (!fast_form (f, i, workbook))
        return FALSE;
    }
}

static const char * const root_members[] = {
  "format", "version", "year", "unit", "unit-short", "department", "scheme", "explanations",
  "forms", NULL
};

/* Everything before "forms", read by the loader from a copy of the text ending there. */
static ZpWorkbook *
fast_head (const char *text,
           gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *head = g_strdup_printf ("%.*s}", (int) length, text);
  JsonNode *root;
  Loader loader = { 0 };

  if (!json_parser_load_from_data (parser, head, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  loader.text = head;
  loader.length = strlen (head);
  loader.display_name = "<head>";
  loader.error = &error;
  return load_workbook_head (&loader, json_node_get_object (root));
}

/* NULL when the text is not as Ziping writes it: then the loader reads it. */
static ZpWorkbook *
fast_load (const char *text,
           gsize       length)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autofree char *scratch = g_malloc (length + 1);
  Fast fast = { text, text, text + length, scratch, scratch };
  Fast *f = &fast;
  const char *head_end;
  const char *key;
  gsize key_length;

  if (!fast_take (f, '{'))
    return NULL;
  head_end = f->p;

  /* The head: known members are read by the loader, so only their syntax is checked. */
  for (;;)
    {
      if (!fast_key (f, &key, &key_length))
        return NULL;
      if (key_is (key, key_length, "forms"))
        break;
      if (!fast_skip (f) || !fast_take (f, ','))
        return NULL;
      head_end = f->p - 1;
    }

  workbook = fast_head (text, head_end - text);
  if (workbook == NULL || !fast_forms (f, workbook))
    return NULL;

  /* After the forms: nothing the loader would read. */
  while (fast_take (f, ','))
    {
      if (!fast_key (f, &key, &key_length)
          || key_lookup (key, key_length, root_members) >= 0
          || !fast_skip (f))
        return NULL;
    }
  if (!fast_take (f, '}'))
    return NULL;
  fast_blank (f);
  if (f->p != f->end)
    return NULL;

  return g_steal_pointer (&workbook);
}

static void
set_syntax_error (GError     **error,
                  const char  *display_name,
                  const char  *text,
                  gsize        length,
                  GError      *json_error)
{
  Walker w = { 0 };
  guint line, column;

  w.text = text;
  w.length = length;
  w.found = G_MAXSIZE;

  if (!walker_document (&w) && w.error_message != NULL)
    {
      position_of (text, w.error_pos, &line, &column);
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX, "%s:%u:%u: %s",
                   display_name, line, column, w.error_message);
    }
  else
    {
      /* json-glib found what the scanner did not: pass its words on ("<data>:2:9: …"). */
      const char *message = json_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX, "%s:%s", display_name, message);
    }
  g_free (w.error_message);
}

static gboolean
check_text (const char  *text,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;
  gsize deep = 0;
  guint line, column;

  if (!g_utf8_validate_len (text, length, &end))
    {
      position_of (text, end - text, &line, &column);
      if (*end == '\0')
        g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                     _("%s:%u:%u: the file holds a NUL byte: it is not a text file"),
                     display_name, line, column);
      else
        g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                   _("%s:%u:%u: the text is not UTF-8 (byte 0x%02X); save the file as UTF-8"),
                   display_name, line, column, (guchar) *end);
      return FALSE;
    }

  if (length == strspn (text, " \t\r\n"))
    {
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                   _("%s:1:1: the file is empty; expected a .ziping document"), display_name);
      return FALSE;
    }

  if (!nesting_is_sane (text, length, &deep))
    {
      position_of (text, deep, &line, &column);
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_FORMAT,
                   _("%s:%u:%u: values are nested more than %d deep"),
                   display_name, line, column, MAX_NESTING);
      return FALSE;
    }
  return TRUE;
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  g_autofree char *max = g_format_size_full (ZP_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_TOO_LARGE,
               _("%s is %s; Ziping opens files of up to %s"), name, size_text, max);
}

ZpWorkbook *
zp_workbook_load_from_data (const char  *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  ZpWorkbook *workbook;
  Loader loader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";
  if (length == (gsize) -1)
    length = strlen (data);

  if (length > ZP_FILE_MAX_SIZE)
    {
      set_too_large (error, display_name, length);
      return NULL;
    }

  /* A byte order mark is not JSON, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_text (data, length, display_name, error))
    return NULL;

  workbook = fast_load (data, length);
  if (workbook != NULL)
    return workbook;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      set_syntax_error (error, display_name, data, length, json_error);
      return NULL;
    }

  /* Only comments: no value at all. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                   _("%s:1:1: the file is empty; expected a .ziping document"), display_name);
      return NULL;
    }

  loader.text = data;
  loader.length = length;
  loader.display_name = display_name;
  loader.error = error;
  return load_workbook (&loader, json_parser_get_root (parser));
}

ZpWorkbook *
zp_workbook_load (GFile   *file,
                  GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a .ziping file"), name);
      return NULL;
    }
  /* A pipe or a device would block or never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a regular file"), name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > ZP_FILE_MAX_SIZE)
    {
      set_too_large (error, name, size);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return zp_workbook_load_from_data (contents, length, name, error);
}

/* ------------------------------------------------------------------------------------ */
/* Saving                                                                                */
/* ------------------------------------------------------------------------------------ */

/* Pretty-printed JSON, written by hand so the bytes never depend on a library's choices. */
typedef struct
{
  GString  *out;
  guint     level;
  gboolean  has_items[MAX_PATH];
} Writer;

static void
write_quoted (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
writer_newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  g_string_append_printf (w->out, "%*s", w->level * 2, "");
}

/* Starts an item (a member or an element) of the open container. */
static void
writer_item (Writer *w)
{
  if (w->has_items[w->level])
    g_string_append_c (w->out, ',');
  w->has_items[w->level] = TRUE;
  writer_newline (w);
}

static void
writer_key (Writer     *w,
            const char *key)
{
  writer_item (w);
  write_quoted (w->out, key);
  g_string_append (w->out, ": ");
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_assert (w->level + 1 < MAX_PATH);
  g_string_append_c (w->out, bracket);
  w->has_items[++w->level] = FALSE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  gboolean had_items = w->has_items[w->level--];

  if (had_items)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
}

static void
writer_open_member (Writer     *w,
                    const char *key,
                    char        bracket)
{
  writer_key (w, key);
  writer_open (w, bracket);
}

static void
writer_open_element (Writer *w)
{
  writer_item (w);
  writer_open (w, '{');
}

static void
write_string (Writer     *w,
              const char *key,
              const char *value)
{
  writer_key (w, key);
  write_quoted (w->out, value != NULL ? value : "");
}

/* Empty texts are left out: loading reads an absent member as "". */
static void
write_text (Writer     *w,
            const char *key,
            const char *value)
{
  if (value != NULL && *value != '\0')
    write_string (w, key, value);
}

static void
write_integer (Writer     *w,
               const char *key,
               gint64      value)
{
  writer_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_number (Writer     *w,
              const char *key,
              ZpDecimal   value)
{
  g_autofree char *text = zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);

  write_string (w, key, text);
}

static void
write_scheme (Writer   *w,
              ZpScheme *scheme)
{
  guint i;

  writer_open_member (w, "scheme", '{');
  write_string (w, "id", zp_scheme_get_id (scheme));
  write_string (w, "name", zp_scheme_get_name (scheme));
  write_string (w, "layout", zp_scheme_get_layout (scheme));
  write_number (w, "execution-weight", zp_scheme_get_execution_weight (scheme));

  writer_open_member (w, "categories", '[');
  for (i = 0; i < zp_scheme_get_n_categories (scheme); i++)
    {
      writer_open_element (w);
      write_string (w, "name", zp_scheme_get_category_name (scheme, i));
      write_number (w, "weight", zp_scheme_get_category_weight (scheme, i));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_open_member (w, "bands", '{');
  write_number (w, "achieved", zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED));
  write_number (w, "partial", zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL));
  write_number (w, "missed", zp_scheme_get_band_lower (scheme, ZP_GRADE_MISSED));
  writer_close (w, '}');

  write_string (w, "reverse-formula", formula_words[zp_scheme_get_reverse_formula (scheme)]);
  write_number (w, "over-achievement", zp_scheme_get_over_achievement (scheme));
  write_number (w, "execution-threshold", zp_scheme_get_execution_threshold (scheme));
  write_integer (w, "decimals", zp_scheme_get_decimals (scheme));
  writer_close (w, '}');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* keys: sorted here again, so that the bytes never depend on another module's order. */
static void
write_explanations (Writer     *w,
                    GPtrArray  *keys,
                    gpointer    target,
                    const char *(*get) (gpointer, const char *))
{
  guint i, written = 0;

  g_ptr_array_sort (keys, compare_keys);
  for (i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *text = get (target, key);

      if (text == NULL || *text == '\0')
        continue;
      if (written++ == 0)
        writer_open_member (w, "explanations", '{');
      write_string (w, key, text);
    }
  if (written > 0)
    writer_close (w, '}');
}

static const char *
get_workbook_explanation (gpointer    target,
                          const char *key)
{
  return zp_workbook_get_explanation (target, key);
}

static const char *
get_form_explanation (gpointer    target,
                      const char *key)
{
  return zp_form_get_explanation (target, key);
}

static void
write_indicator (Writer      *w,
                 ZpIndicator *indicator)
{
  ZpDirection direction = zp_indicator_get_direction (indicator);
  ZpGrade grade = zp_indicator_get_grade (indicator);

  writer_open_element (w);
  write_text (w, "category", zp_indicator_get_category (indicator));
  write_text (w, "subcategory", zp_indicator_get_subcategory (indicator));
  write_text (w, "name", zp_indicator_get_name (indicator));
  write_text (w, "target", zp_indicator_get_target (indicator));
  write_text (w, "actual", zp_indicator_get_actual (indicator));
  write_text (w, "weight", zp_indicator_get_weight (indicator));
  if (direction != ZP_DIRECTION_AUTO)
    write_string (w, "direction", direction_words[direction]);
  if (grade != ZP_GRADE_NONE)
    write_string (w, "grade", grade_words[grade]);
  write_text (w, "manual-score", zp_indicator_get_manual_score (indicator));
  write_text (w, "manual-reason", zp_indicator_get_manual_reason (indicator));
  write_text (w, "deviation-note", zp_indicator_get_deviation_note (indicator));
  writer_close (w, '}');
}

static void
write_goal (Writer *w,
            ZpGoal *goal)
{
  guint i;

  writer_open_element (w);
  write_text (w, "text", zp_goal_get_text (goal));
  write_text (w, "achieved", zp_goal_get_achieved (goal));
  write_text (w, "weight", zp_goal_get_weight (goal));
  writer_open_member (w, "indicators", '[');
  for (i = 0; i < zp_goal_get_n_indicators (goal); i++)
    write_indicator (w, zp_goal_get_indicator (goal, i));
  writer_close (w, ']');
  writer_close (w, '}');
}

static gboolean
funds_row_is_empty (ZpProjectForm *form,
                    ZpFund         fund)
{
  guint field;

  for (field = 0; field < ZP_N_FUND_FIELDS; field++)
    {
      const char *value = zp_project_form_get_fund (form, fund, field);

      if (value != NULL && *value != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
write_funds (Writer        *w,
             ZpProjectForm *form)
{
  guint fund, field, written = 0;

  for (fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      if (funds_row_is_empty (form, fund))
        continue;
      if (written++ == 0)
        writer_open_member (w, "funds", '{');
      writer_open_member (w, fund_words[fund], '{');
      for (field = 0; field < ZP_N_FUND_FIELDS; field++)
        write_text (w, fund_field_words[field], zp_project_form_get_fund (form, fund, field));
      writer_close (w, '}');
    }
  if (written > 0)
    writer_close (w, '}');
}

static void
write_header_fields (Writer *w,
                     ZpForm *form)
{
  if (zp_form_is_department (form))
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (form);

      write_string (w, "kind", kind_words[KIND_DEPARTMENT]);
      write_text (w, "unit", zp_department_form_get_unit (department));
      write_text (w, "basic-expenditure", zp_department_form_get_basic_expenditure (department));
      write_text (w, "project-expenditure", zp_department_form_get_project_expenditure (department));
    }
  else
    {
      ZpProjectForm *project = ZP_PROJECT_FORM (form);

      write_string (w, "kind", kind_words[KIND_PROJECT]);
      write_text (w, "name", zp_project_form_get_name (project));
      write_text (w, "department", zp_project_form_get_department (project));
      write_text (w, "implementer", zp_project_form_get_implementer (project));
      write_text (w, "manager", zp_project_form_get_manager (project));
      write_string (w, "project-category", category_words[zp_project_form_get_project_category (project)]);
      write_string (w, "project-attribute", attribute_words[zp_project_form_get_project_attribute (project)]);
      write_string (w, "project-type", type_words[zp_project_form_get_project_type (project)]);
    }
}

static void
write_form (Writer *w,
            ZpForm *form)
{
  g_autoptr(GPtrArray) keys = zp_form_list_explanation_keys (form);
  guint i;

  writer_open_element (w);
  write_header_fields (w, form);
  write_text (w, "initial-budget", zp_form_get_initial_budget (form));
  write_text (w, "budget", zp_form_get_budget (form));
  write_text (w, "spent", zp_form_get_spent (form));
  if (!zp_form_is_department (form))
    write_funds (w, ZP_PROJECT_FORM (form));
  write_text (w, "analysis", zp_form_get_analysis (form));
  write_text (w, "improvement", zp_form_get_improvement (form));
  write_explanations (w, keys, form, get_form_explanation);

  writer_open_member (w, "goals", '[');
  for (i = 0; i < zp_form_get_n_goals (form); i++)
    write_goal (w, zp_form_get_goal (form, i));
  writer_close (w, ']');
  writer_close (w, '}');
}

char *
zp_workbook_to_data (ZpWorkbook *self,
                     gsize      *length)
{
  g_autoptr(GPtrArray) keys = NULL;
  Writer w = { 0 };
  guint i;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  w.out = g_string_new (NULL);
  writer_open (&w, '{');
  write_string (&w, "format", ZP_FILE_FORMAT_NAME);
  write_integer (&w, "version", ZP_FILE_FORMAT_VERSION);
  write_integer (&w, "year", zp_workbook_get_year (self));
  write_text (&w, "unit", zp_workbook_get_unit (self));
  write_text (&w, "unit-short", zp_workbook_get_unit_short (self));
  write_text (&w, "department", zp_workbook_get_department (self));
  write_scheme (&w, zp_workbook_get_scheme (self));

  keys = zp_workbook_list_explanation_keys (self);
  write_explanations (&w, keys, self, get_workbook_explanation);

  writer_open_member (&w, "forms", '[');
  for (i = 0; i < zp_workbook_get_n_forms (self); i++)
    write_form (&w, zp_workbook_get_form (self, i));
  writer_close (&w, ']');
  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* Saving through a symbolic link replaces the file it points to, not the link. */
static char *
resolve_link (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (path);

  target = g_file_read_link (path, NULL);
  if (target == NULL)
    return g_strdup (path);
  if (g_path_is_absolute (target))
    return g_steal_pointer (&target);

  dir = g_path_get_dirname (path);
  return g_build_filename (dir, target, NULL);
}

/* Writes "<name>.XXXXXX" beside the file, flushes it to disk and renames it over the old
 * file; on any failure the temporary file is removed and the old file is untouched. */
static gboolean
save_local (const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autofree char *real_path = resolve_link (path);
  GStatBuf st;
  int mode = 0666;

  /* Keep an existing file's permissions. */
  if (g_stat (real_path, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 0777;

  return g_file_set_contents_full (real_path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}

gboolean
zp_workbook_save (ZpWorkbook  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  gboolean saved;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = zp_workbook_to_data (self, &length);
  path = g_file_get_path (file);
  if (path != NULL)
    saved = save_local (path, data, length, error);
  else
    /* Not a local file (a remote location): GIO writes a temporary and renames it on close. */
    saved = g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                     NULL, NULL, error);

  if (!saved)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* GIO's message names the temporary file: say first which file was not saved. */
      g_prefix_error (error, _("%s was not saved (the file on disk is unchanged): "), name);
    }
  return saved;
}
