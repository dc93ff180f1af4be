/* zp-report-template.c — reading a report template (JSON) and expanding its placeholders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "zp-report-resources.h"
#include "zp-report-template.h"

#define RESOURCE_DIR "/io/github/ziping/Ziping/report/"

struct _ZpReportTemplate
{
  GObject          parent_instance;
  char            *id;
  char            *name;
  char            *title;
  GStrv            schemes;
  GPtrArray       *sections;  /* ZpReportSection* */
  ZpReportOutputs  outputs;
  ZpReportPhrases  phrases;
};

G_DEFINE_FINAL_TYPE (ZpReportTemplate, zp_report_template, G_TYPE_OBJECT)
G_DEFINE_QUARK (zp-report-template-error-quark, zp_report_template_error)

static const char * const builtin_ids[] = { "wuhan-final-accounts", "self-evaluation", NULL };

/* Every placeholder a template may use (grade_<id> too: one per grade of the scheme). */
static const char * const known_names[] = {
  "year", "unit", "unit_short", "department", "form_count", "project_count",
  "department_count", "project_budget", "project_spent", "project_rate",
  "project_expenditure", "project_share", "department_budget", "department_spent",
  "department_rate", "department_total", "indicator_count", "missed_count", "grade_counts",
  "index", "name", "implementer", "budget", "spent", "rate", "total", "execution_score",
  "indicator_score", "grade", "outputs", "text", "form", "indicator", "target", "actual",
  "score", "weight", NULL
};

static void
block_free (gpointer data)
{
  ZpReportBlock *block = data;

  g_free (block->text);
  g_free (block->empty);
  g_free (block);
}

static void
section_free (gpointer data)
{
  ZpReportSection *section = data;

  g_free (section->id);
  g_free (section->heading);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static void
zp_report_template_finalize (GObject *object)
{
  ZpReportTemplate *self = ZP_REPORT_TEMPLATE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->title);
  g_strfreev (self->schemes);
  g_ptr_array_unref (self->sections);
  g_strfreev (self->outputs.categories);
  g_strfreev (self->outputs.skip_subcategories);
  g_free (self->outputs.overlapping);
  g_free (self->outputs.zero);
  g_free (self->outputs.quantitative);
  g_free (self->outputs.qualitative);
  g_free (self->outputs.separator);
  g_free (self->outputs.empty);
  g_free (self->phrases.analysis);
  g_free (self->phrases.improvement);
  g_free (self->phrases.deviation);
  g_free (self->phrases.missing_note);
  g_free (self->phrases.measure_deviation);
  G_OBJECT_CLASS (zp_report_template_parent_class)->finalize (object);
}

static void
zp_report_template_class_init (ZpReportTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zp_report_template_finalize;
}

static void
zp_report_template_init (ZpReportTemplate *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
}

static gboolean
is_known_name (const char *name,
               gsize       length)
{
  if (length > 6 && strncmp (name, "grade_", 6) == 0)
    return TRUE;
  for (guint i = 0; known_names[i] != NULL; i++)
    if (strlen (known_names[i]) == length && strncmp (known_names[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

/* Every {name} in text must be known, and every brace closed. */
static gboolean
check_placeholders (const char  *text,
                    const char  *where,
                    GError     **error)
{
  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = strchr (p, '}');

      if (end == NULL)
        {
          g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                       _("Report template: “%s” has a “{” without its “}”"), where);
          return FALSE;
        }
      if (!is_known_name (p + 1, end - p - 1))
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);

          g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                       _("Report template: “%1$s” uses the unknown placeholder “{%2$s}”"),
                       where, name);
          return FALSE;
        }
    }
  return TRUE;
}

/* A string member, checked for placeholders; NULL (no error) when absent and optional. */
static gboolean
read_text (JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char  *where,
           char       **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *place = g_strdup_printf ("%s.%s", where, member);

  *out = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s” must be a text"), place);
      return FALSE;
    }
  if (!check_placeholders (json_node_get_string (node), place, error))
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static JsonObject *
get_object (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s” must be an object"), member);
      return NULL;
    }
  return json_node_get_object (node);
}

static GStrv
read_strings (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_each (const char    *text,
            ZpReportEach  *out)
{
  static const char * const names[] = { "", "project", "problem", "measure" };

  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static ZpReportBlock *
read_block (JsonNode    *node,
            const char  *where,
            GError     **error)
{
  g_autofree ZpReportBlock *block = g_new0 (ZpReportBlock, 1);
  JsonObject *object;
  const char *each;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!check_placeholders (json_node_get_string (node), where, error))
        return NULL;
      block->text = g_strdup (json_node_get_string (node));
      return g_steal_pointer (&block);
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s” must be a text or an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  each = json_object_get_string_member_with_default (object, "each", NULL);
  if (each != NULL && !parse_each (each, &block->each))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s.each” must be project, problem or measure"), where);
      return NULL;
    }
  block->needs_department = g_strcmp0 (json_object_get_string_member_with_default (object, "when", ""),
                                       "department") == 0;
  if (!read_text (object, "text", TRUE, where, &block->text, error)
      || !read_text (object, "empty", FALSE, where, &block->empty, error))
    {
      block_free (g_steal_pointer (&block));
      return NULL;
    }
  return g_steal_pointer (&block);
}

static ZpReportSection *
read_section (JsonNode    *node,
              guint        index,
              GError     **error)
{
  g_autofree char *where = g_strdup_printf ("sections[%u]", index);
  ZpReportSection *section;
  JsonObject *object;
  JsonNode *paragraphs;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s” must be an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  section = g_new0 (ZpReportSection, 1);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  section->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
  section->needs_department = g_strcmp0 (json_object_get_string_member_with_default (object, "when", ""),
                                         "department") == 0;
  section->limit = MAX (0, json_object_get_int_member_with_default (object, "limit", 0));
  paragraphs = json_object_get_member (object, "paragraphs");
  if (!read_text (object, "heading", TRUE, where, &section->heading, error))
    goto fail;
  if (paragraphs == NULL || !JSON_NODE_HOLDS_ARRAY (paragraphs))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “%s.paragraphs” must be a list"), where);
      goto fail;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (paragraphs)); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s.paragraphs[%u]", where, i);
      ZpReportBlock *block = read_block (json_array_get_element (json_node_get_array (paragraphs), i),
                                         place, error);

      if (block == NULL)
        goto fail;
      g_ptr_array_add (section->blocks, block);
    }
  return section;

fail:
  section_free (section);
  return NULL;
}

static gboolean
read_outputs (ZpReportTemplate  *self,
              JsonObject        *root,
              GError           **error)
{
  g_autoptr(GError) local = NULL;
  JsonObject *outputs = get_object (root, "outputs", FALSE, &local);
  ZpReportOutputs *o = &self->outputs;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (outputs == NULL)
    {
      o->categories = g_new0 (char *, 1);
      o->skip_subcategories = g_new0 (char *, 1);
      o->quantitative = g_strdup ("{name}{actual}");
      o->qualitative = g_strdup ("{actual}{name}");
      o->separator = g_strdup ("；");
      o->empty = g_strdup ("");
      return TRUE;
    }
  o->categories = read_strings (outputs, "categories");
  o->skip_subcategories = read_strings (outputs, "skip_subcategories");
  o->max = MAX (0, json_object_get_int_member_with_default (outputs, "max", 0));
  o->separator = g_strdup (json_object_get_string_member_with_default (outputs, "separator", "；"));
  return read_text (outputs, "quantitative", TRUE, "outputs", &o->quantitative, error)
         && read_text (outputs, "qualitative", TRUE, "outputs", &o->qualitative, error)
         && read_text (outputs, "overlapping", FALSE, "outputs", &o->overlapping, error)
         && read_text (outputs, "zero", FALSE, "outputs", &o->zero, error)
         && read_text (outputs, "empty", FALSE, "outputs", &o->empty, error);
}

static gboolean
read_phrases (ZpReportTemplate  *self,
              JsonObject        *root,
              GError           **error)
{
  JsonObject *problems = get_object (root, "problems", FALSE, NULL);
  JsonObject *measures = get_object (root, "measures", FALSE, NULL);
  ZpReportPhrases *p = &self->phrases;

  if (problems != NULL
      && (!read_text (problems, "analysis", FALSE, "problems", &p->analysis, error)
          || !read_text (problems, "deviation", FALSE, "problems", &p->deviation, error)
          || !read_text (problems, "missing_note", FALSE, "problems", &p->missing_note, error)))
    return FALSE;
  if (measures != NULL
      && (!read_text (measures, "improvement", FALSE, "measures", &p->improvement, error)
          || !read_text (measures, "deviation", FALSE, "measures", &p->measure_deviation, error)))
    return FALSE;
  return TRUE;
}

static gboolean
read_template (ZpReportTemplate  *self,
               JsonObject        *root,
               GError           **error)
{
  JsonNode *sections = json_object_get_member (root, "sections");

  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 "ziping-report-template") != 0)
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Not a report template: “format” must be “ziping-report-template”"));
      return FALSE;
    }
  self->id = g_strdup (json_object_get_string_member_with_default (root, "id", ""));
  self->name = g_strdup (json_object_get_string_member_with_default (root, "name", self->id));
  self->schemes = read_strings (root, "schemes");
  if (!read_text (root, "title", TRUE, "template", &self->title, error)
      || !read_outputs (self, root, error) || !read_phrases (self, root, error))
    return FALSE;
  if (sections == NULL || !JSON_NODE_HOLDS_ARRAY (sections))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Report template: “sections” must be a list"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      ZpReportSection *section = read_section (json_array_get_element (json_node_get_array (sections), i),
                                               i, error);

      if (section == NULL)
        return FALSE;
      g_ptr_array_add (self->sections, section);
    }
  return TRUE;
}

ZpReportTemplate *
zp_report_template_new_from_data (const char  *data,
                                  gssize       length,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ZpReportTemplate) self = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ZP_REPORT_TEMPLATE_ERROR, 0,
                   _("Not a report template: “format” must be “ziping-report-template”"));
      return NULL;
    }
  self = g_object_new (ZP_TYPE_REPORT_TEMPLATE, NULL);
  if (!read_template (self, json_node_get_object (root), error))
    return NULL;
  return g_steal_pointer (&self);
}

ZpReportTemplate *
zp_report_template_load (GFile   *file,
                         GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  return zp_report_template_new_from_data (contents, length, error);
}

const char * const *
zp_report_template_list_builtin (void)
{
  return builtin_ids;
}

ZpReportTemplate *
zp_report_template_new_builtin (const char *id)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ZpReportTemplate *self;

  /* Referenced so that the linker keeps the resource (and its registration) from the
   * static library. */
  g_assert (zp_report_get_resource () != NULL);
  if (id == NULL || !g_strv_contains (builtin_ids, id))
    return NULL;
  path = g_strconcat (RESOURCE_DIR, id, ".json", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("built-in report template %s: %s", id, error->message);
  self = zp_report_template_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (self == NULL)
    g_error ("built-in report template %s: %s", id, error->message);
  return self;
}

ZpReportTemplate *
zp_report_template_new_for_scheme (ZpScheme *scheme)
{
  const char *scheme_id = scheme != NULL ? zp_scheme_get_id (scheme) : NULL;

  for (guint i = 0; builtin_ids[i] != NULL && scheme_id != NULL; i++)
    {
      g_autoptr(ZpReportTemplate) candidate = zp_report_template_new_builtin (builtin_ids[i]);

      if (g_strv_contains ((const char * const *) candidate->schemes, scheme_id))
        return g_steal_pointer (&candidate);
    }
  return zp_report_template_new_builtin ("self-evaluation");
}

const char *
zp_report_template_get_id (ZpReportTemplate *self)
{
  return self->id;
}

const char *
zp_report_template_get_name (ZpReportTemplate *self)
{
  return self->name;
}

const char *
zp_report_template_get_title (ZpReportTemplate *self)
{
  return self->title;
}

guint
zp_report_template_get_n_sections (ZpReportTemplate *self)
{
  return self->sections->len;
}

const ZpReportSection *
zp_report_template_get_section (ZpReportTemplate *self,
                                guint             i)
{
  g_return_val_if_fail (i < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, i);
}

const ZpReportOutputs *
zp_report_template_get_outputs (ZpReportTemplate *self)
{
  return &self->outputs;
}

const ZpReportPhrases *
zp_report_template_get_phrases (ZpReportTemplate *self)
{
  return &self->phrases;
}

char *
zp_report_template_expand (const char *text,
                           GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  for (const char *open = strchr (p, '{'); open != NULL; open = strchr (p, '{'))
    {
      const char *close = strchr (open, '}');
      g_autofree char *name = NULL;
      const char *value;

      if (close == NULL)
        break;
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = g_hash_table_lookup (values, name);
      if (value != NULL)
        g_string_append (out, value);
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}
