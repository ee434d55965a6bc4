-- wrk script: each request asks for a random article path from the file named by the first argument.
local paths = {}
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
