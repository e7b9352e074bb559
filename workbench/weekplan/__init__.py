"""The weekly community content calendar (一周社群内容规划): plan file, slots, exports.

A plan names a week, a timezone, segments and slots (activity x days x time x format, with
a brief or a theme). ``load_plan`` validates it with line-numbered errors; ``expand`` turns
it into one derived brief per plan slot (generated through the normal pipeline) and one
calendar slot per day x slot x segment; ``service`` runs, lists and marks slots sent;
``sheet`` and ``ics`` write the 群SOP task sheet and the calendar file.
"""
