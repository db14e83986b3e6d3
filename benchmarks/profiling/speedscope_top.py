#!/usr/bin/env python3
"""Top frames of a dotnet-trace speedscope file, under one frame (e.g. the timed part).

    speedscope_top.py bench1m.speedscope.json "LifecycleRun.Run()" 15

Self time is charged to the innermost managed frame (dotnet-trace's CPU_TIME and
UNMANAGED_CODE_TIME pseudo-frames are folded into their caller); shares are of the time
spent under the first frame whose name contains the given text, summed over all threads.
"""
import collections
import json
import sys

PSEUDO = ('CPU_TIME', 'UNMANAGED_CODE_TIME')


def main(path, root, count):
    trace = json.load(open(path))
    names = [f['name'] for f in trace['shared']['frames']]
    self_time, inclusive, total = collections.Counter(), collections.Counter(), 0.0
    for profile in trace['profiles']:
        if profile['type'] != 'evented':
            continue
        stack, last = [], profile['startValue']
        for event in profile['events']:
            elapsed, last = event['at'] - last, event['at']
            under = next((i for i, f in enumerate(stack) if root in names[f]), None)
            if under is not None:
                below = stack[under:]
                managed = [f for f in below if names[f] not in PSEUDO]
                self_time[managed[-1]] += elapsed
                for frame in set(below):
                    inclusive[frame] += elapsed
                total += elapsed
            if event['type'] == 'O':
                stack.append(event['frame'])
            else:
                stack.pop()
    if total == 0:
        sys.exit(f'no samples under a frame containing {root!r}')
    print(f'{total:.0f} ms under {root}')
    for title, counter in (('self', self_time), ('inclusive', inclusive)):
        print(f'-- {title}')
        for frame, time in counter.most_common(count):
            print(f'{100 * time / total:5.1f}%  {names[frame][:150]}')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
