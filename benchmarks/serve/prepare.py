"""State a load needs beyond the fleet, made through the API before the load runs.

  maintenance  every 100th node in maintenance (a filter that matches 1% of the fleet)
  ports        one port for every 10th node (MAC 52:54:xx:xx:xx:xx from the node's place): the
               conductor checks a new port's MAC and UUID against every port, so a port for each
               of 100,000 nodes would take the preparation most of an hour on a loaded machine

Usage: prepare.py URL UUIDS_FILE WHAT
"""
import http.client
import sys
import threading
import urllib.parse

url, uuids_file, what = sys.argv[1:4]
uuids = open(uuids_file).read().split()
host = urllib.parse.urlparse(url)
headers = {"X-OpenStack-Ironic-API-Version": "1.78", "Content-Type": "application/json"}
if what == "maintenance":
    work = [("PUT", f"/v1/nodes/{u}/maintenance", '{"reason": "bench"}') for u in uuids[::100]]
elif what == "ports":
    work = [("POST", "/v1/ports", '{"node_uuid": "%s", "address": "52:54:%02x:%02x:%02x:%02x"}'
             % (u, i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255)) for i, u in enumerate(uuids) if i % 10 == 0]
else:
    sys.exit(f"unknown preparation {what}")
failed = []


def run(part):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    for method, path, body in part:
        conn.request(method, path, body, headers)
        answer = conn.getresponse()
        answer.read()
        if answer.status >= 300:
            failed.append((path, answer.status))


threads = [threading.Thread(target=run, args=(work[i::8],)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if failed:
    sys.exit(f"{len(failed)} requests failed, first {failed[0]}")
