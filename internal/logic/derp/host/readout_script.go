package host

// ReadoutScript is the one exec per server per traffic round (derp.md §8): the time, the host
// interface counters from $P/net/dev, and for every running managed container its eth0 counters
// from $P/<pid>/net/dev. $1 is the host interface. It has no single quotes so it survives any
// quoting, and it prints only T/H/C/E lines, which ParseReadout reads.
const ReadoutScript = `P=${DERP_PROC_ROOT:-/proc}
nd() { sed "s/:/ /" "$1" 2>/dev/null | while read -r n rx a b c d e f g tx rest; do if [ "$n" = "$2" ]; then echo "$rx $tx"; fi; done; }
echo "T $(date +%s)"
if [ -n "$1" ]; then v=$(nd "$P/net/dev" "$1"); if [ -n "$v" ]; then echo "H $1 $v"; fi; fi
ids=$(docker ps -q --filter label=io.kami.derp=1 --filter status=running)
if [ -n "$ids" ]; then
docker inspect --format "{{index .Config.Labels \"io.kami.derp.cid\"}} {{.State.Pid}} {{.State.StartedAt}}" $ids | while read -r cid pid started; do
v=$(nd "$P/$pid/net/dev" eth0)
if [ -n "$v" ]; then echo "C $cid $started $v"; else echo "E $cid no-eth0"; fi
done
fi
`
