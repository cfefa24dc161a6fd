"""An independent DKIM verifier for tayori's tests: Debian's dkimpy (python3-dkim; python3-nacl for
Ed25519), not the code that signs. Reads a message on stdin; each argument is a DNS record as
`tayori dkim keygen` prints it (NAME. IN TXT "..." "..."), served instead of DNS. Prints one line
per DKIM-Signature, "s=SELECTOR a=ALGORITHM pass|fail", and exits 0 only if there is at least one
and every one passes (1 otherwise, 3 if dkimpy is missing)."""
import re
import sys

try:
    import dkim
except ImportError:
    print("python3-dkim is not installed (apt-get install python3-dkim python3-nacl)")
    sys.exit(3)

records = {}
for arg in sys.argv[1:]:
    name = arg.split()[0].rstrip(".").lower()
    records[name] = "".join(re.findall(r'"([^"]*)"', arg)).encode("ascii")


def dnsfunc(name, timeout=5):
    key = (name.decode("ascii") if isinstance(name, bytes) else name).rstrip(".").lower()
    return records.get(key)


message = sys.stdin.buffer.read()
checker = dkim.DKIM(message)
signatures = [value for name, value in checker.headers if name.lower() == b"dkim-signature"]
ok = len(signatures) > 0
if not signatures:
    print("no DKIM-Signature header")
for i, value in enumerate(signatures):
    flat = re.sub(rb"\s+", b"", value).decode("ascii", "replace")
    selector = re.search(r"(?:^|;)s=([^;]*)", flat)
    algorithm = re.search(r"(?:^|;)a=([^;]*)", flat)
    try:
        passed = dkim.DKIM(message).verify(idx=i, dnsfunc=dnsfunc)
    except dkim.DKIMException as e:
        print("error:", e)
        passed = False
    print("s=%s a=%s %s" % (selector.group(1) if selector else "?", algorithm.group(1) if algorithm else "?",
                            "pass" if passed else "fail"))
    ok = ok and passed
sys.exit(0 if ok else 1)
