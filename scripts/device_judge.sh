#!/usr/bin/env bash
# Judge candidates trained side by side on one GPU (see scripts/device_judge.py):
#   bash scripts/device_judge.sh CARRY OUT [MINUTES]
# CARRY is what `device_judge.py pack` wrote; OUT receives summary.json, logs and fp16 parts.
# Five runs from the packaged base, all non-commercial-free training data, the run-3 held-out
# slice kept out: three full-depth runs that differ only in data order and easy negatives
# (one head seed, so they can be averaged) and two four-layer cuts (first four layers;
# every other layer and the last). DEVICE and EXTRA override for a CPU smoke run.
set -u
C=$1
O=$2
M=${3:-5}
W=${WORK:-/tmp/device_judge}
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
mkdir -p "$W" "$O"
common=(--data "$C/data" --base "$C/base" --holdout-from "$C/holdout_pairs.jsonl"
  --device "${DEVICE:-cuda}" --epochs 3 --batch-size 32 --lr 4e-5 --threads 2 --init-seed 13
  --max-minutes "$M" --no-export --repeat climate_fever_train=2
  --mix vitaminc_real=34321,vitaminc_synthetic=20314,covidfact=4080,healthver=3413,mnli=9815,snli=9840,scitail=2126)
run() {
  local name=$1
  shift
  python3 scripts/train_judge.py --out "$W/$name/out" --work "$W/$name" \
    --save-weights "$W/$name/weights.safetensors" "${common[@]}" ${EXTRA:-} "$@" >"$W/$name.log" 2>&1
  echo "$name exit $?"
}
run s13 --seed 13 &
run s14 --seed 14 &
run s15 --seed 15 &
run l4a --seed 13 --layers 0,1,2,3 &
run l4b --seed 13 --layers 0,2,4,5 &
wait
have=()
for n in s13 s14 s15; do [ -f "$W/$n/weights.safetensors" ] && have+=("$W/$n/weights.safetensors"); done
if [ ${#have[@]} -ge 2 ]; then
  python3 scripts/device_judge.py soup "$W/soup.safetensors" "${have[@]}" &&
    python3 scripts/train_judge.py --out "$W/soup/out" --work "$W/soup" --init-weights "$W/soup.safetensors" \
      "${common[@]}" --epochs 0 >"$W/soup.log" 2>&1
fi
python3 scripts/device_judge.py pick "$W" "$O"
