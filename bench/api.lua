-- wrk script: each request asks the Content API for one article by a random id in [1, first argument].
local max = 1
function init(args)
  max = tonumber(args[1])
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end
function request()
  return wrk.format("GET", "/api/v1/articles/" .. math.random(max))
end
