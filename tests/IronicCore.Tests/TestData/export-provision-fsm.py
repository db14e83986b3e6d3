# Exports ironic.common.states (the provision state machine, VERBS, state sets, power states)
# in the shape of shared/spec/ironic-provision-fsm.json. See README.md for how to run it.
"""Export ironic.common.states (provision state machine) as the spec's JSON shape."""
import json
import sys

from ironic.common import states

SETS = ['UPDATE_ALLOWED_STATES', 'DELETE_ALLOWED_STATES', 'STABLE_STATES', 'UNSTABLE_STATES',
        'STUCK_STATES_TREATED_AS_FAIL', 'LOOKUP_ALLOWED_STATES', 'FASTTRACK_LOOKUP_ALLOWED_STATES',
        'FAILURE_STATES']
POWER = ['POWER_ON', 'POWER_OFF', 'REBOOT', 'SOFT_REBOOT', 'SOFT_POWER_OFF']

m = states.machine
out = {
    'source': sys.argv[1],
    'initial_state_for_new_nodes': states.INITIAL_STATE if hasattr(states, 'INITIAL_STATE') else 'enroll',
    'states': [],
    'transitions': [],
}
for name in sorted(m.states):
    st = m._states[name]
    out['states'].append({'name': name, 'stable': bool(st['stable']), 'target': st['target']})
for name in sorted(m.states):
    for event, target in sorted(m._transitions.get(name, {}).items()):
        out['transitions'].append({'from': name, 'event': event, 'to': target.name})
out['api_verbs'] = dict(states.VERBS)
out['sets'] = {s: sorted(getattr(states, s)) for s in SETS}
out['power_states'] = [getattr(states, p) for p in POWER]
print(json.dumps(out, indent=2, ensure_ascii=False))
