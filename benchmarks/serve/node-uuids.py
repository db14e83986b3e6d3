"""Writes every node's UUID, one a line, paging through the node list: the loads pick nodes from it.

Usage: node-uuids.py URL OUT
"""
import json
import sys
import urllib.request

url, out = sys.argv[1], sys.argv[2]
headers = {"X-OpenStack-Ironic-API-Version": "1.78"}
found, next_url = [], url + "/v1/nodes?fields=uuid&limit=1000"
while next_url:
    page = json.load(urllib.request.urlopen(urllib.request.Request(next_url, headers=headers)))
    found += [n["uuid"] for n in page["nodes"]]
    next_url = page.get("next")
open(out, "w").write("\n".join(found) + "\n")
