# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Records that point at a document with ``res_model`` and ``res_id``
(followers, activities) are readable only with their document."""
from collections import defaultdict


def readable_pointer_ids(env, table, ids):
    """Of ``ids`` in ``table``, those whose document the current user may
    read: the targets in plain SQL, then one search per model as the user."""
    if not ids:
        return []
    # The table name is the model's own _table, never input.
    # pylint: disable=sql-injection
    env.cr.execute("SELECT id, res_model, res_id FROM %s WHERE id IN %%s" % table, (tuple(ids),))
    targets = defaultdict(lambda: defaultdict(set))
    for record_id, model, res_id in env.cr.fetchall():
        targets[model][res_id].add(record_id)
    allowed = set()
    for model, by_document in targets.items():
        if model not in env or not env[model].check_access_rights("read", False):
            continue
        readable = env[model].with_context(active_test=False).search(
            [("id", "in", list(by_document))]).ids
        for res_id in readable:
            allowed |= by_document[res_id]
    return [record_id for record_id in ids if record_id in allowed]
