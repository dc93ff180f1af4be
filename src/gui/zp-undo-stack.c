/* zp-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"
#include "zp-undo-stack.h"

typedef enum
{
  OP_PROPERTY,
  OP_INSERT,
  OP_REMOVE,
  OP_MOVE,
  OP_EXPLANATION,
  OP_GROUP,        /* several ops undone and redone as one step */
} OpKind;

typedef struct
{
  OpKind    kind;
  GObject  *target;     /* property: the object; list ops: the container; explanation: owner */
  GObject  *item;       /* inserted or removed item */
  guint     position;
  guint     to;
  char     *name;       /* property name or explanation key */
  GValue    old_value;
  GValue    new_value;
  GPtrArray *children;  /* OP_GROUP: Op*, in the order they were done */
} Op;

struct _ZpUndoStack
{
  GObject    parent_instance;

  GPtrArray *undo;      /* Op*, oldest first */
  GPtrArray *redo;      /* Op*, next to redo last */
  Op        *group;     /* open group collecting ops, or NULL */
  guint      group_depth;
  gboolean   merge_open;
  /* Depth of the undo stack when clean; -1 when that state can no longer be reached. */
  int        clean_depth;
  gboolean   applying;
};

G_DEFINE_FINAL_TYPE (ZpUndoStack, zp_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->target);
  g_clear_object (&op->item);
  g_free (op->name);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_clear_pointer (&op->children, g_ptr_array_unref);
  g_free (op);
}

static Op *
op_new (OpKind   kind,
        GObject *target)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->target = g_object_ref (target);
  return op;
}

static guint
container_n_items (GObject *container)
{
  if (ZP_IS_GOAL (container))
    return zp_goal_get_n_indicators (ZP_GOAL (container));
  if (ZP_IS_FORM (container))
    return zp_form_get_n_goals (ZP_FORM (container));
  return zp_workbook_get_n_forms (ZP_WORKBOOK (container));
}

static GObject *
container_get_item (GObject *container,
                    guint    position)
{
  GListModel *model;

  if (ZP_IS_GOAL (container))
    model = zp_goal_get_indicators (ZP_GOAL (container));
  else if (ZP_IS_FORM (container))
    model = zp_form_get_goals (ZP_FORM (container));
  else
    model = zp_workbook_get_forms (ZP_WORKBOOK (container));
  return g_list_model_get_item (model, position);
}

static void
container_insert (GObject *container,
                  guint    position,
                  GObject *item)
{
  if (ZP_IS_GOAL (container))
    zp_goal_insert_indicator (ZP_GOAL (container), position, ZP_INDICATOR (item));
  else if (ZP_IS_FORM (container))
    zp_form_insert_goal (ZP_FORM (container), position, ZP_GOAL (item));
  else if (ZP_IS_DEPARTMENT_FORM (item))
    zp_workbook_set_department_form (ZP_WORKBOOK (container), ZP_DEPARTMENT_FORM (item));
  else
    zp_workbook_insert_project (ZP_WORKBOOK (container), position, ZP_PROJECT_FORM (item));
}

static void
container_remove (GObject *container,
                  guint    position)
{
  if (ZP_IS_GOAL (container))
    zp_goal_remove_indicator (ZP_GOAL (container), position);
  else if (ZP_IS_FORM (container))
    zp_form_remove_goal (ZP_FORM (container), position);
  else
    zp_workbook_remove_form (ZP_WORKBOOK (container), position);
}

static void
container_move (GObject *container,
                guint    from,
                guint    to)
{
  if (ZP_IS_GOAL (container))
    zp_goal_move_indicator (ZP_GOAL (container), from, to);
  else
    zp_workbook_move_form (ZP_WORKBOOK (container), from, to);
}

static void
set_explanation (GObject    *owner,
                 const char *key,
                 const char *text)
{
  if (ZP_IS_FORM (owner))
    zp_form_set_explanation (ZP_FORM (owner), key, text);
  else
    zp_workbook_set_explanation (ZP_WORKBOOK (owner), key, text);
}

static const char *
get_explanation (GObject    *owner,
                 const char *key)
{
  if (ZP_IS_FORM (owner))
    return zp_form_get_explanation (ZP_FORM (owner), key);
  return zp_workbook_get_explanation (ZP_WORKBOOK (owner), key);
}

/* Applies op forwards (redo) or backwards (undo); returns the object to show. */
static GObject *
op_apply (Op       *op,
          gboolean  forward)
{
  switch (op->kind)
    {
    case OP_PROPERTY:
      g_object_set_property (op->target, op->name,
                             forward ? &op->new_value : &op->old_value);
      return op->target;

    case OP_INSERT:
    case OP_REMOVE:
      if ((op->kind == OP_INSERT) == forward)
        container_insert (op->target, op->position, op->item);
      else
        container_remove (op->target, op->position);
      return op->target;

    case OP_MOVE:
      if (forward)
        container_move (op->target, op->position, op->to);
      else
        container_move (op->target, op->to, op->position);
      return op->target;

    case OP_EXPLANATION:
      set_explanation (op->target, op->name,
                       g_value_get_string (forward ? &op->new_value : &op->old_value));
      return op->target;

    case OP_GROUP:
      for (guint i = 0; i < op->children->len; i++)
        {
          guint index = forward ? i : op->children->len - 1 - i;
          Op *child = g_ptr_array_index (op->children, index);

          op_apply (child, forward);
        }
      return op->target;

    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
notify_state (ZpUndoStack *self,
              gboolean     could_undo,
              gboolean     could_redo,
              gboolean     was_clean)
{
  if (could_undo != zp_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != zp_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_clean != zp_undo_stack_is_clean (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
}

/* Records an op that has been applied already. */
static void
push (ZpUndoStack *self,
      Op          *op)
{
  gboolean could_undo;
  gboolean could_redo;
  gboolean was_clean;

  if (self->group != NULL)
    {
      if (self->group->target == NULL)
        self->group->target = g_object_ref (op->target);
      g_ptr_array_add (self->group->children, op);
      self->merge_open = FALSE;
      return;
    }
  could_undo = zp_undo_stack_can_undo (self);
  could_redo = zp_undo_stack_can_redo (self);
  was_clean = zp_undo_stack_is_clean (self);

  if (self->clean_depth > (int) self->undo->len)
    self->clean_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, op);
  self->merge_open = op->kind == OP_PROPERTY;
  notify_state (self, could_undo, could_redo, was_clean);
}

static void
zp_undo_stack_finalize (GObject *object)
{
  ZpUndoStack *self = ZP_UNDO_STACK (object);

  g_clear_pointer (&self->group, op_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (zp_undo_stack_parent_class)->finalize (object);
}

static void
zp_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZpUndoStack *self = ZP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, zp_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, zp_undo_stack_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, zp_undo_stack_is_clean (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_undo_stack_class_init (ZpUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zp_undo_stack_finalize;
  object_class->get_property = zp_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLEAN] =
    g_param_spec_boolean ("clean", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::applied (object): an undo or redo changed this object (for the UI to show it). */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
zp_undo_stack_init (ZpUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (op_free);
  self->redo = g_ptr_array_new_with_free_func (op_free);
}

ZpUndoStack *
zp_undo_stack_new (void)
{
  return g_object_new (ZP_TYPE_UNDO_STACK, NULL);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
try_merge (ZpUndoStack  *self,
           GObject      *object,
           const char   *property,
           const GValue *value)
{
  Op *top;
  gboolean was_clean;

  if (!self->merge_open || self->undo->len == 0 || self->group != NULL)
    return FALSE;
  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (top->kind != OP_PROPERTY || top->target != object || g_strcmp0 (top->name, property) != 0)
    return FALSE;

  was_clean = zp_undo_stack_is_clean (self);
  if (self->clean_depth == (int) self->undo->len)
    self->clean_depth = -1;
  g_value_copy (value, g_value_reset (&top->new_value));
  g_ptr_array_set_size (self->redo, 0);
  g_object_set_property (object, property, value);
  notify_state (self, TRUE, FALSE, was_clean);
  return TRUE;
}

void
zp_undo_stack_set_value (ZpUndoStack  *self,
                         GObject      *object,
                         const char   *property,
                         const GValue *value,
                         gboolean      merge)
{
  GParamSpec *pspec;
  Op *op;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  op = op_new (OP_PROPERTY, object);
  op->name = g_strdup (pspec->name);
  g_value_init (&op->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &op->old_value);
  if (values_equal (pspec, &op->old_value, value))
    {
      op_free (op);
      return;
    }
  if (!merge)
    self->merge_open = FALSE;
  if (try_merge (self, object, pspec->name, value))
    {
      op_free (op);
      return;
    }
  g_value_init (&op->new_value, pspec->value_type);
  g_value_copy (value, &op->new_value);
  g_object_set_property (object, pspec->name, value);
  push (self, op);
  if (!merge)
    self->merge_open = FALSE;
}

void
zp_undo_stack_set_string (ZpUndoStack *self,
                          GObject     *object,
                          const char  *property,
                          const char  *value,
                          gboolean     merge)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value ? value : "");
  zp_undo_stack_set_value (self, object, property, &gvalue, merge);
}

void
zp_undo_stack_set_enum (ZpUndoStack *self,
                        GObject     *object,
                        const char  *property,
                        int          value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);
  g_value_init (&gvalue, pspec->value_type);
  if (G_TYPE_IS_ENUM (pspec->value_type))
    g_value_set_enum (&gvalue, value);
  else if (pspec->value_type == G_TYPE_UINT)
    g_value_set_uint (&gvalue, (guint) value);
  else
    g_value_set_int (&gvalue, value);
  zp_undo_stack_set_value (self, object, property, &gvalue, FALSE);
}

void
zp_undo_stack_insert (ZpUndoStack *self,
                      GObject     *container,
                      guint        position,
                      GObject     *item)
{
  Op *op;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));

  if (ZP_IS_WORKBOOK (container) && ZP_IS_DEPARTMENT_FORM (item))
    position = 0;
  else if (position > container_n_items (container))
    position = container_n_items (container);
  op = op_new (OP_INSERT, container);
  op->item = g_object_ref (item);
  op->position = position;
  op_apply (op, TRUE);
  push (self, op);
  self->merge_open = FALSE;
}

void
zp_undo_stack_remove (ZpUndoStack *self,
                      GObject     *container,
                      guint        position)
{
  Op *op;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));
  g_return_if_fail (position < container_n_items (container));

  op = op_new (OP_REMOVE, container);
  op->item = container_get_item (container, position);
  op->position = position;
  op_apply (op, TRUE);
  push (self, op);
  self->merge_open = FALSE;
}

void
zp_undo_stack_move (ZpUndoStack *self,
                    GObject     *container,
                    guint        from,
                    guint        to)
{
  Op *op;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));
  if (from == to)
    return;

  op = op_new (OP_MOVE, container);
  op->position = from;
  op->to = to;
  op_apply (op, TRUE);
  push (self, op);
  self->merge_open = FALSE;
}

void
zp_undo_stack_set_explanation (ZpUndoStack *self,
                               GObject     *owner,
                               const char  *key,
                               const char  *text)
{
  const char *old;
  Op *op;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));

  old = get_explanation (owner, key);
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (old, text) == 0)
    return;

  op = op_new (OP_EXPLANATION, owner);
  op->name = g_strdup (key);
  g_value_init (&op->old_value, G_TYPE_STRING);
  g_value_set_string (&op->old_value, old);
  g_value_init (&op->new_value, G_TYPE_STRING);
  g_value_set_string (&op->new_value, text);
  op_apply (op, TRUE);
  push (self, op);
  self->merge_open = FALSE;
}

void
zp_undo_stack_break_merge (ZpUndoStack *self)
{
  g_return_if_fail (ZP_IS_UNDO_STACK (self));

  self->merge_open = FALSE;
}

static gboolean
step (ZpUndoStack *self,
      GPtrArray   *from,
      GPtrArray   *to,
      gboolean     forward)
{
  gboolean could_undo = zp_undo_stack_can_undo (self);
  gboolean could_redo = zp_undo_stack_can_redo (self);
  gboolean was_clean = zp_undo_stack_is_clean (self);
  GObject *shown;
  Op *op;

  if (from->len == 0 || self->applying)
    return FALSE;

  self->merge_open = FALSE;
  op = g_ptr_array_steal_index (from, from->len - 1);
  self->applying = TRUE;
  shown = op_apply (op, forward);
  self->applying = FALSE;
  g_ptr_array_add (to, op);
  notify_state (self, could_undo, could_redo, was_clean);
  g_signal_emit (self, signals[APPLIED], 0, op->kind == OP_PROPERTY ? op->target : shown);
  return TRUE;
}

gboolean
zp_undo_stack_undo (ZpUndoStack *self)
{
  g_return_val_if_fail (ZP_IS_UNDO_STACK (self), FALSE);

  return step (self, self->undo, self->redo, FALSE);
}

gboolean
zp_undo_stack_redo (ZpUndoStack *self)
{
  g_return_val_if_fail (ZP_IS_UNDO_STACK (self), FALSE);

  return step (self, self->redo, self->undo, TRUE);
}

gboolean
zp_undo_stack_can_undo (ZpUndoStack *self)
{
  return self->undo->len > 0;
}

gboolean
zp_undo_stack_can_redo (ZpUndoStack *self)
{
  return self->redo->len > 0;
}

void
zp_undo_stack_clear (ZpUndoStack *self)
{
  gboolean could_undo = zp_undo_stack_can_undo (self);
  gboolean could_redo = zp_undo_stack_can_redo (self);
  gboolean was_clean = zp_undo_stack_is_clean (self);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->merge_open = FALSE;
  self->clean_depth = 0;
  notify_state (self, could_undo, could_redo, was_clean);
}

void
zp_undo_stack_mark_clean (ZpUndoStack *self)
{
  gboolean was_clean = zp_undo_stack_is_clean (self);

  self->merge_open = FALSE;
  self->clean_depth = (int) self->undo->len;
  notify_state (self, zp_undo_stack_can_undo (self), zp_undo_stack_can_redo (self), was_clean);
}

gboolean
zp_undo_stack_is_clean (ZpUndoStack *self)
{
  g_return_val_if_fail (ZP_IS_UNDO_STACK (self), TRUE);

  return self->clean_depth == (int) self->undo->len;
}

void
zp_undo_stack_begin_group (ZpUndoStack *self)
{
  g_return_if_fail (ZP_IS_UNDO_STACK (self));

  if (self->group_depth++ > 0)
    return;
  self->merge_open = FALSE;
  self->group = g_new0 (Op, 1);
  self->group->kind = OP_GROUP;
  self->group->children = g_ptr_array_new_with_free_func (op_free);
}

void
zp_undo_stack_end_group (ZpUndoStack *self)
{
  Op *group;

  g_return_if_fail (ZP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    op_free (group);
  else if (group->children->len == 1)
    {
      Op *only = g_ptr_array_steal_index (group->children, 0);

      op_free (group);
      push (self, only);
    }
  else
    push (self, group);
  self->merge_open = FALSE;
}
