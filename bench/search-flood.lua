-- wrk script: a flood of distinct searches (issue 20). Each request asks /en/search for one to three
-- words drawn from the site's article addresses (their slugs are headline words), so that nearly
-- every query is new to the page cache and reaches the index. Reports refusals (503, the bound on
-- searches at once) apart from other answers.
local words = {}
function init(args)
  local seen = {}
  for line in io.lines(args[1]) do
    local slug = line:match("/en/%d+/%d+/(.+)$")
    if slug then
      for w in slug:gmatch("[a-z]+") do
        if #w > 3 and not seen[w] then seen[w] = true; words[#words + 1] = w end
      end
    end
  end
  if #words == 0 then words = {"news"} end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end
function request()
  local n = math.random(3)
  local q = {}
  for i = 1, n do q[i] = words[math.random(#words)] end
  return wrk.format("GET", "/en/search?q=" .. table.concat(q, "+") .. "&page=" .. math.random(3))
end
local busy = 0
function response(status)
  if status == 503 then busy = busy + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("refused (503, busy): %d of %d\n", busy, summary.requests))
end
