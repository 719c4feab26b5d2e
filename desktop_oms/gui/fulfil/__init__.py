"""The back room: the fulfil queue, picking, staging, packing, labels and shipping."""
