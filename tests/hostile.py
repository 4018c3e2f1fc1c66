"""Hostile article text for the report tests: markup that must stay text."""

HOSTILE_LEFT = (
    'Breaking: <script>window.__pwned = "script";</script> officials said 25 people died.\n\n'
    '<img src=x onerror="window.__pwned = \'img\'"> The mayor visited the site on Sunday.\n\n'
    '</style><style>body{display:none}</style> Police closed the road near the station.\n\n'
    '<a href="javascript:window.__pwned=\'link\'">Click here</a> for more on the "quoted" \' attack.\n\n'
    '<iframe src="https://example.com/"></iframe> Rescue teams searched the rubble overnight.'
)
HOSTILE_RIGHT = (
    'Officials said 30 people died in the blast. <svg onload="window.__pwned=\'svg\'"></svg>\n\n'
    'The mayor visited the site on Sunday. "><script>window.__pwned="attr"</script>\n\n'
    'Police closed the road near the station, {{ 7*7 }} and {% raw %} stay text.'
)
#: a source name that would break out of an attribute if it were not escaped
HOSTILE_NAME = 'evil" onmouseover="window.__pwned=\'name\'" x="'
